/* SPDX-License-Identifier: Apache-2.0 OR MIT */
/*
 * vxts CLI — sector arithmetic (see sector_plan.h for the contracts).
 * Pure: no I/O, no allocation. Proved with WP -wp-rte -warn-unsigned-overflow.
 */
#include <stdint.h>

#include "sector_plan.h"

int sector_plan_make(struct sector_run *r, uint64_t in_size, uint64_t offset, uint64_t skip,
                     uint64_t sector_size, int iv_large)
{
    uint64_t unit = sector_size / SECTOR_PLAN_DM_SECTOR; /* 512-byte IV units per sector */
    uint64_t area, nsectors;

    /*@ assert unit_val: sector_size == 512 * unit && (unit == 1 || unit == 2 || unit == 4 || unit == 8); */
    /* off_t is 64-bit signed: an offset past INT64_MAX bytes is past any file. */
    if (offset > (uint64_t)INT64_MAX / SECTOR_PLAN_DM_SECTOR || offset * SECTOR_PLAN_DM_SECTOR > in_size)
        return SECTOR_PLAN_ERR_OFFSET;
    area = in_size - offset * SECTOR_PLAN_DM_SECTOR;
    if (area == 0)
        return SECTOR_PLAN_ERR_EMPTY;
    if (area % sector_size != 0)
        return SECTOR_PLAN_ERR_PARTIAL;
    nsectors = area / sector_size;
    /*@ assert exact: area == nsectors * sector_size; */
    /*@ assert nonempty: nsectors >= 1; */
    /* dm-crypt's sector counter (skip + k * unit, in 512-byte units) must not wrap. */
    if (sector_iv_wraps(nsectors, skip, unit))
        return SECTOR_PLAN_ERR_IV_WRAP;
    /*@ assert last: skip + (nsectors - 1) * unit <= 18446744073709551615; */
    r->start = offset * SECTOR_PLAN_DM_SECTOR;
    r->bytes = area;
    r->sector_size = sector_size;
    r->nsectors = nsectors;
    if (iv_large) {
        r->first_iv = skip / unit;
        r->iv_step = 1;
        /*@ assert skip / unit <= skip; */
        /*@ assert nsectors - 1 <= (nsectors - 1) * unit; */
    } else {
        r->first_iv = skip;
        r->iv_step = unit;
    }
    /*@ assert fit_last: r->first_iv + (nsectors - 1) * r->iv_step <= 18446744073709551615; */
    /*@ assert fit_all: \forall integer k; 0 <= k < nsectors ==>
                        k * r->iv_step <= (nsectors - 1) * r->iv_step; */
    /*@ assert r->bytes == r->nsectors * r->sector_size && r->start + r->bytes == in_size; */
    /*@ assert ok_run: run_ok(r); */
    return SECTOR_PLAN_OK;
}

uint64_t sector_run_last_iv(const struct sector_run *r)
{
    return r->first_iv + (r->nsectors - 1) * r->iv_step;
}

int sector_iv_wraps(uint64_t nsectors, uint64_t skip, uint64_t unit)
{
    /*@ assert nsectors - 1 <= (18446744073709551615 - skip) / unit <==>
               (nsectors - 1) * unit <= 18446744073709551615 - skip; */
    return nsectors - 1 > (UINT64_MAX - skip) / unit;
}

void sector_piece_at(const struct sector_run *r, uint64_t k, uint64_t max_sectors, struct sector_piece *pc)
{
    uint64_t left = r->nsectors - k;
    uint64_t nsec = left < max_sectors ? left : max_sectors;

    /*@ assert k_pos: k * r->sector_size <= r->nsectors * r->sector_size; */
    /*@ assert end_pos: (k + nsec) * r->sector_size <= r->nsectors * r->sector_size; */
    /*@ assert len_max: nsec * r->sector_size <= max_sectors * r->sector_size; */
    /*@ assert iv_k: k * r->iv_step <= (r->nsectors - 1) * r->iv_step; */
    /*@ assert iv_all: \forall integer j; 0 <= j < nsec ==>
                       (k + j) * r->iv_step <= (r->nsectors - 1) * r->iv_step; */
    pc->nsec = nsec;
    pc->next = k + nsec;
    pc->pos = r->start + k * r->sector_size;
    pc->len = nsec * r->sector_size;
    pc->iv = r->first_iv + k * r->iv_step;
}
