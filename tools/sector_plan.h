/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts CLI — the sector arithmetic of cryptsetup plain mode, as pure functions
 * (no I/O) with ACSL contracts, proved with
 *   frama-c -wp -wp-rte -warn-unsigned-overflow tools/sector_plan.c
 * (see proofs/README.md / `make prove`).
 *
 * dm-crypt counts --offset and IVs in 512-byte units whatever the encryption
 * sector size S; unit = S / 512. Sector k of the area gets the IV
 * skip + k * unit, or with --iv-large-sectors skip / unit + k.
 */
#ifndef VXTS_SECTOR_PLAN_H
#define VXTS_SECTOR_PLAN_H

#include <stdint.h>

#define SECTOR_PLAN_DM_SECTOR 512u

/* Results of sector_plan_make; the CLI prints one message per error. */
#define SECTOR_PLAN_OK 0
#define SECTOR_PLAN_ERR_OFFSET 1  /* 512 * offset is past INPUT or past INT64_MAX (off_t) */
#define SECTOR_PLAN_ERR_EMPTY 2   /* no data after the offset */
#define SECTOR_PLAN_ERR_PARTIAL 3 /* the area is not a whole number of sectors */
#define SECTOR_PLAN_ERR_IV_WRAP 4 /* skip + (nsectors - 1) * unit would pass 2^64 - 1 */

/* A run of whole sectors: bytes [start, start + bytes) of some file or buffer. */
struct sector_run {
    uint64_t start;       /* byte position of sector 0 */
    uint64_t bytes;       /* nsectors * sector_size */
    uint64_t sector_size; /* 512, 1024, 2048 or 4096 */
    uint64_t nsectors;    /* at least 1 */
    uint64_t first_iv;    /* IV of sector 0 */
    uint64_t iv_step;     /* sector k gets first_iv + k * iv_step */
};

/* One piece of a run: its sectors k .. k + nsec - 1, bytes [pos, pos + len). */
struct sector_piece {
    uint64_t nsec; /* min(nsectors - k, max_sectors), at least 1 */
    uint64_t next; /* k + nsec: the first sector of the next piece (nsectors at the end) */
    uint64_t pos;  /* start + k * sector_size */
    uint64_t len;  /* nsec * sector_size */
    uint64_t iv;   /* IV of sector k: first_iv + k * iv_step */
};

/*@ predicate sector_size_ok(integer s) = s == 512 || s == 1024 || s == 2048 || s == 4096;

    // the byte position of the area: past INPUT, or not representable in off_t
    predicate plan_offset_bad(integer in_size, integer offset) =
        512 * offset > in_size || 512 * offset > 9223372036854775807;
    logic integer plan_area(integer in_size, integer offset) = in_size - 512 * offset;
    // dm-crypt's counter of the last sector, in 512-byte units
    logic integer plan_last_unit(integer in_size, integer offset, integer skip, integer s) =
        skip + (plan_area(in_size, offset) / s - 1) * (s / 512);

    predicate run_ok{L}(struct sector_run *r) =
        \valid_read(r) &&
        sector_size_ok(r->sector_size) && r->nsectors >= 1 &&
        r->bytes == r->nsectors * r->sector_size &&
        r->start + r->bytes <= 18446744073709551615 &&
        r->first_iv + (r->nsectors - 1) * r->iv_step <= 18446744073709551615;

    // integer facts used by the proofs (each proved by WP, see proofs/README.md)
    lemma sp_mul_mono: \forall integer a, b, c; 0 <= a <= b && 0 <= c ==> a * c <= b * c;
    lemma sp_div_exact: \forall integer a, u; 0 < u && 0 <= a && a % u == 0 ==> a == (a / u) * u;
    lemma sp_le_div_iff: \forall integer a, b, u; 0 < u && 0 <= a && 0 <= b ==> (a <= b / u <==> a * u <= b);
    lemma sp_div_le_self: \forall integer a, u; 1 <= u && 0 <= a ==> a / u <= a;
    lemma sp_mul_ge_self: \forall integer a, u; 1 <= u && 0 <= a ==> a <= a * u;
*/

/*@ requires \valid(r);
    requires sector_size_ok(sector_size);
    assigns *r;
    behavior offset_beyond:
      assumes plan_offset_bad(in_size, offset);
      ensures \result == SECTOR_PLAN_ERR_OFFSET;
    behavior empty:
      assumes !plan_offset_bad(in_size, offset) && plan_area(in_size, offset) == 0;
      ensures \result == SECTOR_PLAN_ERR_EMPTY;
    behavior partial:
      assumes !plan_offset_bad(in_size, offset) && plan_area(in_size, offset) != 0;
      assumes plan_area(in_size, offset) % sector_size != 0;
      ensures \result == SECTOR_PLAN_ERR_PARTIAL;
    behavior iv_wrap:
      assumes !plan_offset_bad(in_size, offset) && plan_area(in_size, offset) != 0;
      assumes plan_area(in_size, offset) % sector_size == 0;
      assumes plan_last_unit(in_size, offset, skip, sector_size) > 18446744073709551615;
      ensures \result == SECTOR_PLAN_ERR_IV_WRAP;
    behavior ok:
      assumes !plan_offset_bad(in_size, offset) && plan_area(in_size, offset) != 0;
      assumes plan_area(in_size, offset) % sector_size == 0;
      assumes plan_last_unit(in_size, offset, skip, sector_size) <= 18446744073709551615;
      ensures \result == SECTOR_PLAN_OK;
      ensures r->start == 512 * offset && r->bytes == plan_area(in_size, offset);
      ensures r->start + r->bytes == in_size && r->start <= 9223372036854775807;
      ensures r->sector_size == sector_size;
      ensures r->nsectors == r->bytes / sector_size && r->nsectors >= 1;
      ensures iv_large != 0 ==> r->first_iv == skip / (sector_size / 512) && r->iv_step == 1;
      ensures iv_large == 0 ==> r->first_iv == skip && r->iv_step == sector_size / 512;
      ensures \forall integer k; 0 <= k < r->nsectors ==>
                r->first_iv + k * r->iv_step <= 18446744073709551615;
      ensures run_ok(r);
    complete behaviors;
    disjoint behaviors;
*/
int sector_plan_make(struct sector_run *r, uint64_t in_size, uint64_t offset, uint64_t skip,
                     uint64_t sector_size, int iv_large);

/*@ requires run_ok(r);
    assigns \nothing;
    ensures \result == r->first_iv + (r->nsectors - 1) * r->iv_step;
*/
uint64_t sector_run_last_iv(const struct sector_run *r);

/* skip + (nsectors - 1) * unit > 2^64 - 1, computed without overflow (dm-crypt's counter would wrap). */
/*@ requires 1 <= nsectors;
    requires unit == 1 || unit == 2 || unit == 4 || unit == 8;
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> skip + (nsectors - 1) * unit > 18446744073709551615;
*/
int sector_iv_wraps(uint64_t nsectors, uint64_t skip, uint64_t unit);

/*
 * The piece of run r that starts at its sector k: at most max_sectors sectors. The loop
 *   for (k = 0; k < r.nsectors; k = pc.next) { sector_piece_at(&r, k, max_sectors, &pc); ... }
 * starts at 0, strictly increases, ends at r.nsectors, covers every sector exactly once,
 * and each piece stays inside the run and gets its IVs, all without overflow.
 */
/*@ requires run_ok(r);
    requires \valid(pc) && \separated(pc, r);
    requires 1 <= max_sectors && k < r->nsectors;
    assigns *pc;
    ensures pc->nsec == \min(r->nsectors - k, max_sectors) && pc->nsec >= 1;
    ensures pc->next == k + pc->nsec && pc->next <= r->nsectors;
    ensures pc->pos == r->start + k * r->sector_size;
    ensures pc->len == pc->nsec * r->sector_size && pc->len <= max_sectors * r->sector_size;
    ensures pc->pos + pc->len == r->start + pc->next * r->sector_size;
    ensures r->start <= pc->pos && pc->pos + pc->len <= r->start + r->bytes;
    ensures pc->iv == r->first_iv + k * r->iv_step;
    ensures \forall integer j; 0 <= j < pc->nsec ==>
              pc->iv + j * r->iv_step == r->first_iv + (k + j) * r->iv_step &&
              pc->iv + j * r->iv_step <= 18446744073709551615;
*/
void sector_piece_at(const struct sector_run *r, uint64_t k, uint64_t max_sectors, struct sector_piece *pc);

#endif
