#!/bin/bash
# SPDX-License-Identifier: Apache-2.0 OR MIT
# make prove: every Frama-C/WP proof of vxts, then the bit-vector checks and
# the sanity checks; writes the assurance report ($PROVE_OUT/REPORT.md) and
# fails if any goal is not proved or proofs/REPORT.md, the committed time-free
# form of the report, is not the one this run gives.
#   proofs/prove.sh              everything
#   proofs/prove.sh RUN...       only these runs (names below), for development
# Environment: PROVE_TIMEOUT (s per goal and prover, default 20),
# PROVE_JOBS (Frama-C runs at once, default 2), PROVE_PAR (prover jobs per
# run, default 1), PROVE_OUT (default build/proofs).
# Installs frama-c-base why3 z3 cvc4 when run as root (scripts/deps.sh prove).
set -u
cd "$(dirname "$0")/.." || exit 2
scripts/deps.sh prove || exit 1

TIMEOUT=${PROVE_TIMEOUT:-20}
PAR=${PROVE_PAR:-1}
JOBS=${PROVE_JOBS:-2}
OUT=${PROVE_OUT:-build/proofs}
PROVERS=z3a,cvc4n
mkdir -p "$OUT"
prove_start=$(date +%s)
rm -f "$OUT"/*.json "$OUT"/*.meta "$OUT"/*.log "$OUT"/runs.list "$OUT"/REPORT.md "$OUT"/REPORT.time-free.md

# The provers: the stock drivers minus the memory-model lemmas that make the
# provers loop (proofs/why3/, proofs/README.md), in a private why3.conf.
sh proofs/tools/why3conf.sh "$OUT/why3.conf" proofs/why3 || exit 1
export WHY3CONFIG="$OUT/why3.conf"

SPEC="-Iinclude -Isrc -Iref -Itools -Iproofs/spec"
RTE="-wp-rte -warn-unsigned-overflow"
# The functional runs (mode-*, key-link, ref's XTS functions, x86-tweak-*) also
# run WP's smoke tests: a precondition, loop invariant or call whose hypotheses
# prove \false (so that anything would follow) fails the run. Not the smoke
# test of every block (dead code: 40% of the smoke goals, and a block after a
# consistent precondition and proved asserts is reachable), 1 s per prover,
# and not the run-time-error runs of ref's and ct64's AES code: all of it
# doubled the stage's time.
SMOKE="-wp-smoke-tests -wp-no-smoke-dead-code -wp-smoke-timeout 1"
failed=""

# wp_run NAME "FILES" "CPP-DEFINES" "WP-OPTIONS": one Frama-C run, started in
# the background (at most PROVE_JOBS at once; the Frama-C process itself is
# single-threaded). Every function defined in FILES is proved unless
# WP-OPTIONS selects with -wp-fct. The runs are checked after `wait`, from
# their .meta files.
wp_run() {
    want "$1" || return 0
    echo "$1" >>"$OUT/runs.list"
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do sleep 1; done
    wp_job "$@" &
}
wp_job() {
    name=$1 files=$2 defs=$3 opts=$4
    start=$(date +%s)
    rte=$RTE; [ "${NO_RTE:-0}" = 1 ] && rte=""
    # RUN_PROVERS: this run's provers instead of the default pair.
    WP="-wp -wp-prover ${RUN_PROVERS:-$PROVERS} -wp-timeout $TIMEOUT -wp-par $PAR"
    # shellcheck disable=SC2086
    frama-c -cpp-extra-args="$SPEC $defs" $WP $rte $opts -wp-report-json "$OUT/$name.json" $files \
        >"$OUT/$name.log" 2>&1
    status=$?
    secs=$(( $(date +%s) - start ))
    summary=$(grep -E '^\[wp\] Proved goals:' "$OUT/$name.log" | tail -n 1 | sed 's/^\[wp\] //')
    # shellcheck disable=SC2046
    set -- $(echo "$summary" | tr -d ':' | awk '{print $3, $5}')
    [ $status -eq 0 ] && [ -n "${1:-}" ] && [ "$1" = "${2:-}" ] || status=1
    {
        echo "name=$name"; echo "files=$files"; echo "seconds=$secs"; echo "status=$status"
        echo "command=frama-c -cpp-extra-args=\"$SPEC $defs\" $WP $rte $opts $files"
    } >"$OUT/$name.meta"
    {
        echo "== prove $name: $files"
        echo "   ${summary:-no goals (see $OUT/$name.log)}  (${secs}s)"
        grep -E '^\[wp\] \[(Failed|Timeout|Unknown)\] Goal' "$OUT/$name.log" | sed 's/^/   /'
    } >"$OUT/$name.summary"
    cat "$OUT/$name.summary"
}

want() {
    if [ -z "$SELECTED" ]; then
        for w in $OPEN_RUNS; do [ "$w" = "$1" ] && return 1; done
        return 0
    fi
    for w in $SELECTED; do [ "$w" = "$1" ] && return 0; done
    return 1
}
SELECTED=$*
# Runs whose proofs are not finished: not run by default (name them to run
# them), and listed in REPORT.md under "Not proved yet" with their functions.
OPEN_RUNS=${PROVE_OPEN_RUNS-""}

# ---- the proofs -------------------------------------------------------------
# The spec's lemmas, once (every later run may use them as hypotheses).
# (No C code here: without -wp-rte/-warn-unsigned-overflow, which change the
# integer model of the logic and make two pointer-shift lemmas time out.)
NO_RTE=1 wp_run lemmas "proofs/c/lemmas.c" "-DVXTS_SPEC_LEMMAS" ""
# Decryption undoes encryption, every length and stealing case (inverse.h;
# its one axiom, D_inverts_E, is in scope only there): xor cancellation by
# WP's bitwise tactic, then the theorem (DEC_UNFOLD lemmas: run lemmas).
NO_RTE=1 wp_run inverse-xor "proofs/c/inverse.c" "-DVXTS_SPEC_XOR -DVXTS_INVERSE_XOR -DVXTS_LEMMAS_ONLY" \
    "-wp-auto wp:bitwised -wp-prop xor_cancel8,bx_cancel"
NO_RTE=1 wp_run inverse "proofs/c/inverse.c" "-DVXTS_SPEC_XOR -DVXTS_LEMMAS_ONLY -DVXTS_LEMMA_DEC_UNFOLD" \
    "-wp-prop=-bx_cancel,-XTS_DEC_T_whole,-mdec_XTS_DEC_T_head,-mdec_XTS_DEC_T_steal"
# (Longest first: the runs share PROVE_JOBS lanes.)
# The x86 runs include the backend's source with the CPU-checked intrinsics
# model as <immintrin.h>; X86_CHAIN_IS_E (aes_x86_spec.h) only with
# -DVXTS_X86_AES_LINK (the x86 runs below).
X86="-Iproofs/model/framac -Iproofs/model -DVXTS_X86_AES_LINK"
# Memory safety of aesni's four data entries (proofs/c/x86_mem_aesni.c): no
# run-time error, loads only in [in, in+16n), the context and the kernel's stack
# buffers, stores only in [out, out+16n), the tweak and those buffers; the
# assigns of kernel_spec.h. Unsigned wrap-around is allowed here (the GPR tweak
# step shifts bits out, unused sector lanes may wrap: C defines both).
# tweak_bytes (blocks_impl's 16 tweak bytes) is not checked at its call sites:
# the entries' kernel_tweak states it, and for the per-sector path a uint64_t
# buffer is passed, which WP's Typed model cannot measure in bytes (asserted in
# uint64_t units there instead; see the proof file).
X86_MEM_FCT_AESNI="round_key,xts_pass,aes_encrypt_lanes,next_tweaks,mul_alpha8,mul_alpha_u64,y_step,\
main_loop_init,main_loop_first_tweaks,main_loop_restart,main_loop_tweak,main_loop_wipe,chunk8,leftover_blocks,\
blocks_impl,sector_tweaks,sectors_stream,sectors_impl,x_mul_x,x_round,x_last,\
aesni_encrypt_blocks,aesni_decrypt_blocks,aesni_encrypt_sectors,aesni_decrypt_sectors"
# z3s: 19 goals here are cvc4's, on which z3 would spend the whole timeout
# (z3s stops at its step cap instead). cvc4 takes up to 19 s on a loaded
# machine for some of them, and a CI run lost one at 20 s: 60 s here, which
# costs nothing while cvc4 proves every goal z3s leaves (z3s is capped by steps).
RUN_PROVERS=z3s,cvc4n wp_run x86-mem-aesni proofs/c/x86_mem_aesni.c "$X86" \
    "-no-warn-unsigned-overflow -wp-model Typed+cast -wp-timeout 60 -wp-prop=-tweak_bytes \
     -wp-fct $X86_MEM_FCT_AESNI"
# The portable bitsliced backend: RTE and memory safety. The three shift
# helpers are inlined (their shift counts are constants at every call, which
# is what makes the shifts provably in range), with WP's bit tactics; the
# S-box circuits apart, without let-elimination (it makes Qed normalise the
# 128-gate terms for minutes).
CT64="-inline-calls rotr64,swap_across,swap_within -remove-inlined rotr64,swap_across,swap_within \
 -wp-auto wp:split,wp:bitshift,wp:bitrange"
# Split in two runs for the two lanes: the functions whose goals need the bit
# tactics (two prover jobs: such a goal first waits out both provers'
# timeout, z3 and cvc4 side by side), and the rest.
CT64_BITS="load64le,order_bytes,unorder_bytes,bitslice_in,bitslice_out,rows1_0,rows1_1,rows1_2,rows1_3,\
rows2_even,rows2_odd,shift_rows2_word,inv_shift_rows_word,expand_key,mul_alpha"
# Timeouts: a goal the tactics will split first runs out both provers'; the
# longest proof took 0.8 s in ct64-bits and ct64-sbox, 2.3 s in ct64 (a run
# on a loaded machine).
wp_run ct64-bits  "src/backend_ct64.c"     "" "$CT64 -wp-timeout 2 -wp-par 2 -wp-fct $CT64_BITS"
wp_run ct64       "src/backend_ct64.c"     "" "$CT64 -wp-timeout 3 -wp-skip-fct sbox_fwd,sbox_inv,sub_word,$CT64_BITS"
wp_run ct64-sbox  "src/backend_ct64.c"     "" "$CT64 -wp-timeout 2 -wp-no-let -wp-fct sbox_fwd,sbox_inv,sub_word"
# The reference implementation against the same spec; its AES: RTE only.
# The two `aes` postconditions (ref's AES is the abstract E/D) are the trusted
# link (-wp-prop=-aes). In groups, each with only the hypotheses its functions
# need (fewer hypotheses cannot make a false goal provable): the AES, the byte
# helpers and the API wrappers with bx defined (xor8 computes a xor); the XTS
# functions (§5.3, §5.4) with bx abstract (they xor only through xor16's
# contract) and with no lemma, but the data units with the lemma groups they
# use (xts_lemmas.h). REF_OPEN: functions whose proof is not finished; they
# are listed as NOT PROVED in REPORT.md.
REF_OPEN=""
REF_XTS="block_enc,block_dec,steal_enc,steal_dec,xts_enc,xts_dec"
REF="-wp-prop=-aes"
# (-wp-prover adds to the run's provers, z3a,cvc4n: WP appends. z3n proves 4
# goals of ref-xts; in the other runs it only ran out the smoke tests' second.)
wp_run ref-xts    "ref/ref_xts.c" \
    "-DVXTS_SPEC_LEMMAS -DVXTS_LEMMAS_ONLY -DVXTS_LEMMA_ENC_UNFOLD -DVXTS_LEMMA_DEC_UNFOLD -DVXTS_LEMMA_STEAL_READS" \
    "$REF -wp-prover z3n,cvc4n $SMOKE -wp-fct xts_enc,xts_dec"
# bx_swap (ref_spec.h), a hypothesis of the ref run, proved on its own.
NO_RTE=1 wp_run ref-lemmas "proofs/c/ref_lemmas.c" "-DVXTS_SPEC_XOR" "-wp-prop bx_swap"
wp_run ref        "ref/ref_xts.c" "-DVXTS_SPEC_XOR" "$REF -wp-skip-fct $REF_XTS${REF_OPEN:+,$REF_OPEN}"
wp_run ref-block  "ref/ref_xts.c" "" "$REF $SMOKE -wp-fct block_enc,block_dec"
wp_run ref-steal  "ref/ref_xts.c" "" "$REF $SMOKE -wp-fct steal_enc,steal_dec"
# The mode layer: every function of src/mode.c, against the kernel contracts
# of proofs/spec/kernel_spec.h, in groups. Each group gets only the lemma groups of
# proofs/spec/xts_lemmas.h it needs (-DVXTS_LEMMAS_ONLY -DVXTS_LEMMA_<G>):
# WP hands every lemma in scope to every goal, and the provers time out on
# easy goals when many are there; leaving lemmas out only removes hypotheses.
# Typed+cast where a function reads the caller's vxts_ctx as a vxts_key
# (REPORT.md, Assumptions). The coverage check below fails if a function of
# mode.c is in no group.
MODE_KEY="vxts_init,vxts_init_backend,init_with,expand_keys,vxts_backend_name,vxts_wipe,wipe_block"
MODE_ARITH="equal_bytes_ct,tweak_mul_alpha,vxts_sector_tweak,copy_bytes,replace_head,check_unit,check_sectors,check_addresses,key_check,key_usable,vxts_strerror,vxts_version"
MODE_BLOCK="encrypt_block,encrypt_run,encrypt_steal_tail,first_tweak,decrypt_block,decrypt_run"
MODE_UNIT="encrypt_with_tweak,decrypt_with_tweak,vxts_encrypt,vxts_decrypt"
MODE_SECTORS="sector_first_tweak,decrypt_sector,encrypt_whole_sectors,decrypt_whole_sectors,vxts_encrypt_sectors,vxts_decrypt_sectors"
MODE_TRUSTED="past_end,ranges_meet,key_in_context"   # contracts only: compare addresses as integers
MODE_OPEN=""                      # functions whose proof is not finished
M="-wp-model Typed+cast $SMOKE"
L="-DVXTS_SPEC_LEMMAS -DVXTS_LEMMAS_ONLY"
wp_run mode-sectors   src/mode.c "-DVXTS_SPEC_LEMMAS" "$M -wp-fct $MODE_SECTORS"
wp_run mode-key       src/mode.c "$L -DVXTS_KEY_FRAME" "$M -wp-fct $MODE_KEY"
wp_run mode-arith     src/mode.c ""   "$SMOKE -wp-fct $MODE_ARITH"
wp_run mode-block     src/mode.c "$L -DVXTS_LEMMA_ENC_BLOCK -DVXTS_LEMMA_DEC_BLOCK" "$M -wp-fct $MODE_BLOCK"
# The three runs below also get z3 with WP's stock options (z3n): since KEY1/KEY2
# read the schedule words, a few frame goals take it 2 s against 25 s for z3a;
# encrypt_unit's head1 (a frame step past encrypt_steal) takes z3n 15-35 s.
Z3BOTH="-wp-prover z3a,z3n,cvc4n"
wp_run mode-enc-steal src/mode.c "$L -DVXTS_LEMMA_ENC_BLOCK" "$M $Z3BOTH -wp-fct encrypt_steal"
wp_run mode-enc-unit  src/mode.c "$L -DVXTS_LEMMA_ENC_BLOCK -DVXTS_LEMMA_ENC_UNFOLD -DVXTS_LEMMA_STEAL_READS" \
    "$M $Z3BOTH -wp-timeout 60 -wp-fct encrypt_unit"
wp_run mode-dec-steal src/mode.c "$L" "$M -wp-fct decrypt_steal_pp,decrypt_steal"
wp_run mode-dec-unit  src/mode.c "$L -DVXTS_LEMMA_DEC_UNFOLD -DVXTS_LEMMA_STEAL_READS" "$M $Z3BOTH -wp-fct decrypt_unit"
wp_run mode-unit      src/mode.c "$L -DVXTS_LEMMA_UNIT_READS" "$M -wp-fct $MODE_UNIT"
# The public theorem with the key link (proofs/c/key_link.c): vxts_init then
# vxts_encrypt / vxts_decrypt is XTS-AES under the keys the key bytes name.
wp_run key-link proofs/c/key_link.c "$L -DVXTS_LEMMA_UNIT_READS" \
    "$M -wp-fct encrypt_with_key_bytes,decrypt_with_key_bytes"
# encrypt_sector without the lemmas that unfold XTS_ENC_T (they make its frame
# goal time out).
wp_run mode-enc-sector src/mode.c "-DVXTS_SPEC_LEMMAS -DVXTS_LEMMAS_NO_ENC_UNFOLD" "$M -wp-fct encrypt_sector"
if want coverage; then
    echo "== prove coverage: every function defined in src/mode.c is in a group"
    defined=$(grep -E '^(static )?(int|void|const char \*|size_t|uint64_t) *[a-z_0-9]+\(' src/mode.c |
              sed -E 's/^(static )?(int|void|const char \*|size_t|uint64_t) *([a-z_0-9]+)\(.*/\3/' | sort -u)  # -u: a function may have a build form and a proved form
    grouped=$(echo "encrypt_sector,encrypt_steal,encrypt_unit,decrypt_steal_pp,decrypt_steal,decrypt_unit,$MODE_KEY,$MODE_ARITH,$MODE_BLOCK,$MODE_UNIT,$MODE_SECTORS,$MODE_TRUSTED,$MODE_OPEN" |
              tr ',' '\n' | sort)
    missing=$(printf '%s\n' "$defined" | comm -23 - "$(printf '%s\n' "$grouped" >"$OUT/grouped"; echo "$OUT/grouped")")
    if [ -n "$missing" ] || [ -z "$defined" ]; then
        echo "   not in any group: ${missing:-(no functions found)}"; st=1; failed="$failed coverage"
    else
        echo "   $(echo "$defined" | wc -l) functions, all grouped"; st=0
    fi
    { echo "name=coverage"; echo "status=$st"; } >"$OUT/coverage.meta"
fi

# What is not proved yet (REPORT.md lists it).
{
    echo "name=open"; echo "ref=$REF_OPEN"
    echo "mode=$MODE_OPEN"
} >"$OUT/open.meta"
# The x86 intrinsics model (proofs/model/vxts_intrin.h; make check-model tests
# every model against the CPU): the models that are plain C byte loops proved
# against their contracts, and kernel-like callers (proofs/model/smoke.c:
# casts to __m128i *, masked tail load/store) against the contracts. Not
# here: the lane-arithmetic and AES models, the ternary logic, and the 256/512
# PSHUFD (their loop invariant times out), whose contracts are reviewed and
# their bodies CPU-checked only.
MODEL_FCT="vxm_bit,_mm_xor_si128,_mm_and_si128,_mm_setzero_si128,_mm_move_epi64,_mm_slli_si128,_mm_srli_si128,_mm_shuffle_epi32,_mm_loadu_si128,_mm_load_si128,_mm_storeu_si128,_mm_store_si128,_mm256_xor_si256,_mm256_setzero_si256,_mm256_castsi256_si128,_mm256_broadcastsi128_si256,_mm256_bslli_epi128,_mm256_bsrli_epi128,_mm256_loadu_si256,_mm256_storeu_si256,_mm256_store_si256,_mm512_xor_si512,_mm512_setzero_si512,_mm512_castsi512_si128,_mm512_broadcast_i32x4,_mm512_bslli_epi128,_mm512_bsrli_epi128,_mm512_loadu_si512,_mm512_maskz_loadu_epi64,_mm512_storeu_si512,_mm512_store_si512,_mm512_mask_storeu_epi64,_mm512_maskz_mov_epi64,_mm512_mask_xor_epi32,_mm512_unpackhi_epi32,_mm512_unpackhi_epi64,xor_block,load_tail,store_tail"
wp_run model "proofs/model/smoke.c" "-Iproofs/model -DVXTS_SPEC_XOR" "-wp-model Typed+cast -wp-fct $MODEL_FCT"
# The x86 kernels against the model (proofs/c/x86_tweak.c; src/aes_x86.h,
# its contracts in proofs/spec/aes_x86_spec.h): each backend's encrypt_tweak
# entry, from its own source file, is T <- E(KEY2(k), T). The one trusted
# step, X86_CHAIN_IS_E (the round-instruction chain over the Key2 schedule
# is E), is in scope only here (-DVXTS_X86_AES_LINK).
# The shared functions of aes_x86.h (the same text in every backend, ks a
# parameter) are proved once, in the aesni run; one of its goals took z3
# 15 s on a loaded machine (timeout 20): 40 s there.
wp_run x86-tweak-aesni   proofs/c/x86_tweak.c "$X86 -DX86_TWEAK_AESNI" \
    "-wp-model Typed+cast $SMOKE -wp-timeout 40 -wp-fct x_encrypt_tweak,x86_encrypt_tweak,aesni_encrypt_tweak"
wp_run x86-tweak-vaes256 proofs/c/x86_tweak.c "$X86 -DX86_TWEAK_VAES256" \
    "-wp-model Typed+cast $SMOKE -wp-fct vaes256_encrypt_tweak"
wp_run x86-tweak-vaes512 proofs/c/x86_tweak.c "$X86 -DX86_TWEAK_VAES512" \
    "-wp-model Typed+cast $SMOKE -wp-fct vaes512_encrypt_tweak"
# Memory safety and assigns (not the output bytes) of the VAES kernels' data
# entries (proofs/c/x86_mem_vaes.c): every load inside [in, in+16n), the
# context or the kernel's stack buffers, masked loads/stores counted by their
# mask; every store inside [out, out+16n), the tweak or stack buffers.
# The shared helpers of aes_x86.h (x_chunk, x_blocks) are proved in the
# vaes512 run.
X86_MEM_FCT="z_chunk,z_run,z_blocks,z_load_keys,z_first_tweaks,z_mul_x16_4,z_sector_tweaks,z_sectors,\
x_mul_xk,z_mul_xk_lanes,z_fold,z_round,z_last,x_mul_x,x_round,x_last,x_chunk,x_blocks,\
vaes512_encrypt_blocks,vaes512_decrypt_blocks,vaes512_encrypt_sectors,vaes512_decrypt_sectors"
X86_MEM_FCT_256="y_chunk,y_tail,y_run,y_blocks,y_sectors,mul_monotone,y_first_tweaks,x_mul_xk,y_mul_xk_lanes,y_mul_x16,\
y_round,y_last,vaes256_encrypt_blocks,vaes256_decrypt_blocks,vaes256_encrypt_sectors,vaes256_decrypt_sectors"
# -CC keeps comments in macro expansions: X86_WIPE's loop annotation.
# wp:range enumerates the 15 leftover counts for z_run's tail mask,
# wp:bitrange bounds `s & 1` (z_sectors' tweak double buffer).
RUN_PROVERS=z3n wp_run x86-mem-vaes512 proofs/c/x86_mem_vaes.c "$X86 -CC -DX86_MEM_VAES512" \
    "-wp-model Typed+cast -wp-timeout 5 -wp-auto wp:range,wp:bitrange -wp-fct $X86_MEM_FCT"
# The lemma of proofs/c/x86_mem_vaes.c, proved on its own (-wp-fct leaves lemmas out).
RUN_PROVERS=z3n wp_run x86-mem-lemmas proofs/c/x86_mem_vaes.c "$X86 -CC -DX86_MEM_VAES256" \
    "-wp-model Typed+cast -wp-timeout 5 -wp-auto wp:range -wp-prop x86_mem_odd"
RUN_PROVERS=z3n wp_run x86-mem-vaes256 proofs/c/x86_mem_vaes.c "$X86 -CC -DX86_MEM_VAES256" \
    "-wp-model Typed+cast -wp-timeout 5 -wp-auto wp:range,wp:bitrange -wp-fct $X86_MEM_FCT_256"
# Memory safety of the armce entries (proofs/c/arm_mem_armce.c, issue #14):
# src/backend_armce.c's little-endian AArch64 branch, with the NEON model
# (proofs/model/vxts_neon.h, checked against qemu by make check-aarch64) as
# <arm_neon.h>, its memory contracts only (VXTS_NEON_FRAME_ONLY). Proved: the
# entries (blocks, sectors, tweak), their AES-128/256 instances, the Key2
# tweak encryption, the DIT and vec_of wrappers and the model's loads/stores.
# NOT proved: the bodies of xts_blocks and xts_sectors (their contracts are
# hypotheses here): WP's goal generation for their unrolled bodies (hundreds
# of intrinsic calls) did not end within 10 minutes.
ARM_MEM_FCT="dit_enter,dit_leave,vec_of,encrypt_tweak_raw,enc_blocks_128,enc_blocks_256,dec_blocks_128,\
dec_blocks_256,enc_sectors_128,enc_sectors_256,dec_sectors_128,dec_sectors_256,armce_encrypt_tweak,\
armce_encrypt_blocks,armce_decrypt_blocks,armce_encrypt_sectors,armce_decrypt_sectors,vld1q_u8,vst1q_u8,vdupq_n_u8"
RUN_PROVERS=z3n wp_run arm-mem-armce proofs/c/arm_mem_armce.c "-Iproofs/model/framac -Iproofs/model" \
    "-no-warn-unsigned-overflow -wp-model Typed+cast -wp-timeout 5 -wp-fct $ARM_MEM_FCT"
# The CLI's sector arithmetic.
wp_run cli        "tools/sector_plan.c"    "" ""

# ---- bit-level tweak algebra (QF_BV, outside Frama-C) ----------------------
if want smt; then
    echo "== prove smt: proofs/smt/check.sh"
    start=$(date +%s)
    if sh proofs/smt/check.sh >"$OUT/smt.log" 2>&1; then st=0; else st=$?; failed="$failed smt"; fi
    { echo "name=smt"; echo "seconds=$(( $(date +%s) - start ))"; echo "status=$st"; } >"$OUT/smt.meta"
    tail -n 1 "$OUT/smt.log" | sed 's/^/   /'
fi

# ---- sanity: the trusted axioms are not contradictory ----------------------
# `lemma absurd: \false` over all spec headers must NOT be provable, with xor
# abstract and with xor defined. (A satisfiability argument it is not; it
# catches the easy inconsistencies, e.g. a wrong range axiom.)
if want sanity; then
    echo "== prove sanity: lemma absurd (false, under every axiom group) must not be provable"
    st=0
    # The third adds the x86 AES link (X86_CHAIN_IS_E, X86Keys) over the intrinsics model.
    for defs in "-DVXTS_SPEC_LEMMAS -DVXTS_KEY_FRAME" "-DVXTS_SPEC_LEMMAS -DVXTS_KEY_FRAME -DVXTS_SPEC_XOR" \
                "-DVXTS_SPEC_LEMMAS -DVXTS_KEY_FRAME $X86"; do
        # shellcheck disable=SC2086
        frama-c -cpp-extra-args="$SPEC $defs" -wp -wp-prover $PROVERS -wp-timeout "$TIMEOUT" \
            -wp-prop absurd proofs/c/absurd.c >"$OUT/sanity.log" 2>&1
        if grep -qE 'Goal .*absurd.*: Valid' "$OUT/sanity.log"; then
            echo "   absurd PROVED with $defs: the axioms are inconsistent"; st=1
        elif ! grep -qE 'Goal .*absurd' "$OUT/sanity.log"; then
            echo "   absurd goal not generated with $defs (see $OUT/sanity.log)"; st=1
        else
            echo "   $defs: absurd not provable (as it must be)"
        fi
    done
    [ $st -eq 0 ] || failed="$failed sanity"
    { echo "name=sanity"; echo "status=$st"; } >"$OUT/sanity.meta"
fi

# ---- no admitted goals, no assumptions in the proved code -------------------
if want hygiene; then
    echo "== prove hygiene: no assume/admit/check-only annotations (each annotation read whole)"
    bad=$(python3 proofs/tools/hygiene.py src/*.c src/*.h ref/*.c tools/sector_plan.[ch] proofs/spec/*.h \
          proofs/c/*.c proofs/model/*.[ch] proofs/model/framac/*.h)
    if [ -n "$bad" ]; then echo "$bad" | sed 's/^/   /'; failed="$failed hygiene"; st=1; else st=0; fi
    { echo "name=hygiene"; echo "status=$st"; } >"$OUT/hygiene.meta"
fi

# Wait for the Frama-C runs; a run fails unless every goal is proved.
wait
if [ -f "$OUT/runs.list" ]; then
    while read -r name; do
        grep -qx 'status=0' "$OUT/$name.meta" 2>/dev/null || failed="$failed $name"
    done <"$OUT/runs.list"
fi

echo "seconds=$(( $(date +%s) - prove_start ))" >"$OUT/wall.meta"
# The assurance report of this run, with times: $OUT/REPORT.md. A full run
# also writes its time-free form, $OUT/REPORT.time-free.md, which must be the
# committed proofs/REPORT.md (one more check; `make prove-report` copies it).
python3 proofs/tools/report.py "$OUT" >"$OUT/REPORT.md.tmp" && mv "$OUT/REPORT.md.tmp" "$OUT/REPORT.md"
echo "report: $OUT/REPORT.md"
counts=$(tail -n 1 "$OUT/REPORT.md")
if [ -z "$SELECTED" ]; then
    python3 proofs/tools/report.py --time-free "$OUT" >"$OUT/REPORT.time-free.md.tmp" &&
        mv "$OUT/REPORT.time-free.md.tmp" "$OUT/REPORT.time-free.md"
    passed=$(echo "$counts" | sed -nE 's/^([0-9]+) passed, [0-9]+ failed$/\1/p')
    nfailed=$(echo "$counts" | sed -nE 's/^[0-9]+ passed, ([0-9]+) failed$/\1/p')
    if cmp -s "$OUT/REPORT.time-free.md" proofs/REPORT.md; then
        echo "== proofs/REPORT.md is this run's time-free report"; passed=$((${passed:-0} + 1))
    else
        echo "== proofs/REPORT.md is not this run's time-free report: \`make prove-report\` copies it (review the diff, commit)"
        nfailed=$((${nfailed:-0} + 1)); failed="$failed report"
    fi
    counts="${passed:-0} passed, ${nfailed:-1} failed"
fi
echo "$counts"
[ -z "$failed" ] || { echo "prove: not proved:$failed"; exit 1; }
