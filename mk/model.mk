# SPDX-License-Identifier: Apache-2.0 OR MIT
# make check-model: the x86 intrinsics model (proofs/model/vxts_intrin.h)
# against the real instructions, 100,000 random trials per intrinsic
# (tests/model/). Each ISA group is compiled with its own flags only, as the
# backends are; intrinsics the CPU lacks are reported n/a. First, every
# intrinsic the x86 backends call must be in the model. x86-64 only.
# Self-contained: defines check-model, model-build and model-coverage only.
#   VXTS_TEST_SEED=0x... make check-model     replay (the seed is printed)
#   VXTS_MODEL_TRIALS=N make check-model      trials per intrinsic

MODEL_CC     ?= $(or $(CC),cc)
MODEL_DIR    := $(or $(BUILD),build)/model
MODEL_CFLAGS := -std=c11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Wshadow -Werror -Iproofs/model -Itests/model
MODEL_ISA_sse    := -maes -mpclmul -msse4.1
MODEL_ISA_avx2   := -mavx2 -maes -mvaes -mpclmul -mvpclmulqdq
MODEL_ISA_avx512 := -mavx512f -mavx512vl -mavx512bw -mavx512dq -mavx2 -maes -mvaes -mpclmul -mvpclmulqdq
MODEL_ISA_model  :=
MODEL_OBJ    := $(addprefix $(MODEL_DIR)/check_,$(addsuffix .o,model sse avx2 avx512))

MODEL_ARCH   := $(shell $(MODEL_CC) -dumpmachine 2>/dev/null | cut -d- -f1)
MODEL_KERNELS := $(wildcard src/backend_aesni.c src/backend_vaes256.c src/backend_vaes512.c src/aes_x86.h)

.PHONY: check-model model-build model-coverage
model-coverage:
	@used=$$(grep -ohE '\b_mm[0-9]*_[a-z0-9_]+' $(MODEL_KERNELS) | sort -u); \
	missing=$$(for f in $$used; do grep -q "VXM($$f)" proofs/model/vxts_intrin.h || echo "$$f"; done); \
	if [ -n "$$missing" ]; then echo "model-coverage: used by the backends, not modelled:" $$missing; exit 1; fi; \
	echo "model-coverage: all $$(echo "$$used" | wc -l) intrinsics the x86 backends use are modelled"

ifeq ($(MODEL_ARCH),x86_64)
check-model: model-coverage model-build
	$(MODEL_DIR)/check_model

model-build: $(MODEL_DIR)/check_model
else
check-model model-build:
	@echo "check-model: n/a (the model is of x86-64 intrinsics; compiler targets $(MODEL_ARCH))"
	@echo "0 passed, 0 failed"
endif

$(MODEL_DIR)/check_model: $(MODEL_OBJ)
	$(MODEL_CC) -o $@ $^

$(MODEL_DIR)/check_%.o: tests/model/check_%.c tests/model/check.h proofs/model/vxts_intrin.h
	@mkdir -p $(dir $@)
	$(MODEL_CC) $(MODEL_CFLAGS) $(MODEL_ISA_$*) -c $< -o $@
