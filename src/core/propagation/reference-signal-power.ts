/**
 * EIRP per resource element (the LTE reference-signal power, RSRP's transmit side) from the EIRP
 * of the whole channel: P_RE (dBm) = EIRP (dBm) − 10·log10(12·N_RB), 12 subcarriers per resource
 * block, power spread evenly over all 12·N_RB subcarriers (no RS boost).
 * N_RB by channel bandwidth (3GPP TS 36.101 Table 5.6-1): 1.4 MHz → 6, 3 → 15, 5 → 25, 10 → 50,
 * 15 → 75, 20 → 100. Other bandwidths: round(5 × MHz) (the 90 % occupancy rule those values
 * follow), at least 1. With the defaults (58 dBm, 10 MHz): 58 − 10·log10(600) ≈ 30.22 dBm.
 * Cost: O(1).
 */

const N_RB_BY_CHANNEL_MHZ: ReadonlyMap<number, number> = new Map([[1.4, 6], [3, 15], [5, 25], [10, 50], [15, 75], [20, 100]]);

export function resourceBlocks(channelMHz: number): number {
  return N_RB_BY_CHANNEL_MHZ.get(channelMHz) ?? Math.max(1, Math.round(5 * channelMHz));
}

export function referenceSignalPowerDbm(eirpDbm: number, channelMHz: number): number {
  return eirpDbm - 10 * Math.log10(12 * resourceBlocks(channelMHz));
}
