/**
 * The radio path from a site to a household as the core predicted it (issue 8 §4), drawn as
 * inline SVG (no chart library): the ground along the great circle, the straight line of sight
 * from the antenna top to the receiver (1.5 m above its ground), the first Fresnel zone around it,
 * the Deygout main edge (with its clearance, v and loss) and the secondary edges, and a caption
 * with the distance, the predicted RSRP against the threshold, the Hata and diffraction losses and
 * the Hata model's extrapolation warnings.
 *
 * The frame is the core's (`terrainProfile`): the ground is drawn with the Earth bulge added
 * (`heightM` = ground + bulge, k = 4/3) so that the line of sight is straight and the clearances
 * shown are the ones the diffraction loss was computed from. Unknown ground (NaN) leaves gaps.
 * Without a DEM (`profile` null) it says so in words and draws no chart.
 * Presentational: no store; the language and the threshold come in as props.
 */
import type { DiffractionEdge, HataWarning, RsrpPrediction, TerrainProfile } from '../core/index.ts';
import { translate, type Lang, type MessageKey, type Params } from '../i18n/translate.ts';
import { terrainProfileScale, type ChartBox, type TerrainProfileScale } from './terrain-profile-scale.ts';

export interface TerrainProfileChartProps {
  prediction: RsrpPrediction;
  thresholdDbm: number;
  siteName: string;
  targetLabel: string;
  lang: Lang;
}

const BOX: ChartBox = { width: 480, height: 200, left: 46, right: 14, top: 34, bottom: 32 };

const COLORS = Object.freeze({
  groundFill: '#d9ccb0',
  groundLine: '#8a7650',
  los: '#0072B2', // Okabe–Ito blue
  fresnelFill: '#56B4E9', // Okabe–Ito sky blue
  fresnelFillOpacity: 0.22,
  mainEdge: '#D55E00', // Okabe–Ito vermillion
  clearEdge: '#009E73', // Okabe–Ito bluish green: the path is clear
  secondaryEdge: '#E69F00', // Okabe–Ito orange
  mast: '#1f2933',
  grid: '#e4e7eb',
  axis: '#7b8794',
  text: '#1f2933',
  muted: '#616e7c',
  halo: '#ffffff',
});

const FONT = 10;

/** `value` with exactly `digits` decimals in the language's notation; never "-0.0". */
function fixed(lang: Lang, value: number, digits: number): string {
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
  return (rounded === 0 ? 0 : rounded).toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  });
}

const km = (lang: Lang, m: number): string => fixed(lang, m / 1000, 2);

/** SVG path of `ys` over `xs`, broken where a value is not finite. */
function linePath(xs: number[], ys: number[]): string {
  let d = '', pen = false;
  for (let k = 0; k < xs.length; k++) {
    if (!Number.isFinite(ys[k]!)) { pen = false; continue; }
    d += `${pen ? 'L' : 'M'}${xs[k]!.toFixed(1)},${ys[k]!.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Closed areas from each run of known ground down to the plot's floor. */
function groundPath(xs: number[], ys: number[], floorY: number): string {
  let d = '', start = -1;
  const close = (from: number, to: number): void => {
    d += `M${xs[from]!.toFixed(1)},${floorY.toFixed(1)}`;
    for (let k = from; k <= to; k++) d += `L${xs[k]!.toFixed(1)},${ys[k]!.toFixed(1)}`;
    d += `L${xs[to]!.toFixed(1)},${floorY.toFixed(1)}Z`;
  };
  for (let k = 0; k <= xs.length; k++) {
    const known = k < xs.length && Number.isFinite(ys[k]!);
    if (known && start < 0) start = k;
    if (!known && start >= 0) { close(start, k - 1); start = -1; }
  }
  return d;
}

type T = (key: MessageKey, params?: Params) => string;

function clearanceText(t: T, lang: Lang, clearanceM: number): string {
  const m = fixed(lang, Math.abs(clearanceM), 0);
  return clearanceM >= 0 ? t('profile.aboveLos', { m }) : t('profile.belowLos', { m });
}

/** "Main obstacle at 3.00 km, elevation 700 m" (the ground's elevation, without the bulge). */
function edgeHeading(t: T, lang: Lang, profile: TerrainProfile | null, edge: DiffractionEdge, kind: MessageKey): string {
  const ground = profile?.groundM[edge.index];
  const elevation = ground !== undefined && Number.isFinite(ground) ? ground : edge.heightM;
  return t('profile.edgeAt', { edge: t(kind), distance: km(lang, edge.distanceM), elevation: fixed(lang, elevation, 0) });
}

function edgeLossText(t: T, lang: Lang, edge: DiffractionEdge): string {
  return t('profile.edgeLoss', { v: fixed(lang, edge.v, 2), loss: fixed(lang, edge.lossDb, 1) });
}

const PARAMETER_KEYS: Readonly<Record<HataWarning['parameter'], MessageKey>> = Object.freeze({
  frequencyMHz: 'profile.param.frequencyMHz',
  baseHeightM: 'profile.param.baseHeightM',
  mobileHeightM: 'profile.param.mobileHeightM',
  distanceKm: 'profile.param.distanceKm',
});

function warningText(t: T, w: HataWarning): string {
  return t('profile.hataWarning', { parameter: t(PARAMETER_KEYS[w.parameter]), value: w.value, min: w.validMin, max: w.validMax });
}

/** A label text with a white halo, so it stays readable over the ground and the lines. */
function Label({ x, y, anchor, color, bold, children }: {
  x: number; y: number; anchor: 'start' | 'middle' | 'end'; color: string; bold?: boolean; children: string;
}) {
  return (
    <text x={x} y={y} textAnchor={anchor} fontSize={FONT} fill={color} fontWeight={bold ? 600 : undefined}
      stroke={COLORS.halo} strokeWidth={3} strokeLinejoin="round" paintOrder="stroke">
      {children}
    </text>
  );
}

function Axes({ scale, t, lang }: { scale: TerrainProfileScale; t: T; lang: Lang }) {
  const { plot } = scale;
  return (
    <g data-testid="profile-axes">
      {scale.yTicksM.map((h) => (
        <g key={`y${h}`}>
          <line x1={plot.x0} x2={plot.x1} y1={scale.y(h)} y2={scale.y(h)} stroke={COLORS.grid} strokeWidth={1} />
          <text x={plot.x0 - 4} y={scale.y(h) + 3} textAnchor="end" fontSize={FONT - 1} fill={COLORS.muted}>{fixed(lang, h, 0)}</text>
        </g>
      ))}
      {scale.xTicksKm.map((d) => (
        <g key={`x${d}`}>
          <line x1={scale.x(d * 1000)} x2={scale.x(d * 1000)} y1={plot.y1} y2={plot.y1 + 3} stroke={COLORS.axis} />
          <text x={scale.x(d * 1000)} y={plot.y1 + 13} textAnchor="middle" fontSize={FONT - 1} fill={COLORS.muted}>
            {fixed(lang, d, scale.xTickDigits)}
          </text>
        </g>
      ))}
      <line x1={plot.x0} x2={plot.x1} y1={plot.y1} y2={plot.y1} stroke={COLORS.axis} />
      <line x1={plot.x0} x2={plot.x0} y1={plot.y0} y2={plot.y1} stroke={COLORS.axis} />
      <text x={(plot.x0 + plot.x1) / 2} y={BOX.height - 3} textAnchor="middle" fontSize={FONT} fill={COLORS.text}>
        {t('profile.axisDistance')}
      </text>
      <text x={0} y={0} transform={`translate(11 ${(plot.y0 + plot.y1) / 2}) rotate(-90)`} textAnchor="middle" fontSize={FONT} fill={COLORS.text}>
        {t('profile.axisElevation')}
      </text>
    </g>
  );
}

function ProfileSvg({ prediction, profile, scale, t, lang, ariaLabel }: {
  prediction: RsrpPrediction; profile: TerrainProfile; scale: TerrainProfileScale; t: T; lang: Lang; ariaLabel: string;
}) {
  const { plot } = scale;
  const n = profile.distanceM.length;
  const xs: number[] = [], ground: number[] = [], los: number[] = [], upper: number[] = [], lower: number[] = [];
  for (let k = 0; k < n; k++) {
    xs.push(scale.x(profile.distanceM[k]!));
    ground.push(scale.y(profile.heightM[k]!));
    los.push(scale.y(profile.losM[k]!));
    upper.push(scale.y(profile.losM[k]! + profile.fresnelRadiusM[k]!));
    lower.push(scale.y(profile.losM[k]! - profile.fresnelRadiusM[k]!));
  }
  const hasLos = Number.isFinite(profile.txHeightM) && Number.isFinite(profile.rxHeightM);
  let fresnel = '';
  if (hasLos) {
    fresnel = linePath(xs, upper);
    for (let k = n - 1; k >= 0; k--) fresnel += `L${xs[k]!.toFixed(1)},${lower[k]!.toFixed(1)}`;
    fresnel += 'Z';
  }
  const xEnd = scale.x(profile.totalDistanceM);
  const lastGround = [...profile.heightM].reverse().find(Number.isFinite);
  const main = prediction.diffraction?.main ?? null;
  const secondary = prediction.diffraction?.secondary ?? [];
  const mainObstructs = main !== null && main.lossDb > 0;
  const mainColor = mainObstructs ? COLORS.mainEdge : COLORS.clearEdge;
  return (
    <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} width="100%" role="img" aria-label={ariaLabel} data-testid="terrain-profile"
      style={{ display: 'block', maxWidth: BOX.width * 1.5, fontFamily: 'inherit' }}>
      <Axes scale={scale} t={t} lang={lang} />
      <path d={groundPath(xs, ground, plot.y1)} fill={COLORS.groundFill} stroke={COLORS.groundLine} strokeWidth={1}
        data-testid="profile-ground" />
      {hasLos && (
        <>
          <path d={fresnel} fill={COLORS.fresnelFill} fillOpacity={COLORS.fresnelFillOpacity} stroke="none" data-testid="profile-fresnel" />
          <path d={linePath(xs, upper)} fill="none" stroke={COLORS.fresnelFill} strokeWidth={0.8} />
          <path d={linePath(xs, lower)} fill="none" stroke={COLORS.fresnelFill} strokeWidth={0.8} />
          <line x1={plot.x0} y1={scale.y(profile.txHeightM)} x2={xEnd} y2={scale.y(profile.rxHeightM)}
            stroke={COLORS.los} strokeWidth={1.5} data-testid="profile-los" />
        </>
      )}
      {Number.isFinite(profile.txHeightM) && (
        <g data-testid="profile-site">
          <line x1={plot.x0} x2={plot.x0} y1={scale.y(profile.heightM[0]!)} y2={scale.y(profile.txHeightM)} stroke={COLORS.mast} strokeWidth={2} />
          <circle cx={plot.x0} cy={scale.y(profile.txHeightM)} r={3} fill={COLORS.mast} />
        </g>
      )}
      {Number.isFinite(profile.rxHeightM) && lastGround !== undefined && (
        <g data-testid="profile-receiver">
          <line x1={xEnd} x2={xEnd} y1={scale.y(lastGround)} y2={scale.y(profile.rxHeightM)} stroke={COLORS.mast} strokeWidth={2} />
          <circle cx={xEnd} cy={scale.y(profile.rxHeightM)} r={2.5} fill={COLORS.halo} stroke={COLORS.mast} strokeWidth={1.5} />
        </g>
      )}
      {/* Secondary edges: markers only (they often sit next to the main edge); the caption lists them. */}
      {secondary.map((edge) => (
        <circle key={edge.index} cx={scale.x(edge.distanceM)} cy={scale.y(edge.heightM)} r={3} fill={COLORS.secondaryEdge}
          stroke={COLORS.halo} strokeWidth={1} data-testid="profile-secondary-edge" />
      ))}
      {main !== null && (() => {
        const x = scale.x(main.distanceM), y = scale.y(main.heightM);
        const losY = scale.y(main.heightM - main.clearanceM);
        const anchor = x < plot.x0 + 90 ? 'start' : x > plot.x1 - 90 ? 'end' : 'middle';
        const labelX = anchor === 'start' ? Math.max(x - 4, 2) : anchor === 'end' ? Math.min(x + 4, BOX.width - 2) : x;
        return (
          <g data-testid="profile-main-edge">
            <line x1={x} x2={x} y1={plot.y0 - 6} y2={Math.min(y, losY)} stroke={mainColor} strokeWidth={0.8} strokeDasharray="2 2" />
            {hasLos && <line x1={x} x2={x} y1={y} y2={losY} stroke={mainColor} strokeWidth={2} />}
            <path d={`M${x},${y - 1}l-4.5,-7h9z`} fill={mainColor} stroke={COLORS.halo} strokeWidth={0.8} />
            <Label x={labelX} y={11} anchor={anchor} color={mainColor} bold>
              {edgeHeading(t, lang, profile, main, mainObstructs ? 'profile.mainEdge' : 'profile.nearestEdge')}
            </Label>
            <Label x={labelX} y={23} anchor={anchor} color={COLORS.text}>
              {`${clearanceText(t, lang, main.clearanceM)} · ${edgeLossText(t, lang, main)}`}
            </Label>
          </g>
        );
      })()}
    </svg>
  );
}

function Swatch({ color, line }: { color: string; line?: boolean }) {
  return (
    <span aria-hidden="true" style={{
      display: 'inline-block', width: 14, height: line ? 2 : 9, background: color, verticalAlign: 'middle', marginRight: 4,
      opacity: color === COLORS.fresnelFill ? 0.5 : 1,
    }} />
  );
}

export function TerrainProfileChart({ prediction, thresholdDbm, siteName, targetLabel, lang }: TerrainProfileChartProps) {
  const t: T = (key, params) => translate(lang, key, params);
  const { profile, diffraction } = prediction;
  const covered = prediction.rsrpDbm >= thresholdDbm;
  const status = t(covered ? 'profile.covered' : 'profile.notCovered');
  const rsrp = fixed(lang, prediction.rsrpDbm, 1);
  const distance = km(lang, prediction.distanceM);
  const main = diffraction?.main ?? null;
  const mainKind: MessageKey = main !== null && main.lossDb > 0 ? 'profile.mainEdge' : 'profile.nearestEdge';
  const mainText = main === null ? null
    : t('profile.edgeLine', {
      edge: edgeHeading(t, lang, profile, main, mainKind), clearance: clearanceText(t, lang, main.clearanceM), loss: edgeLossText(t, lang, main),
    });
  const ariaLabel = [t('profile.summary', { site: siteName, target: targetLabel, distance, rsrp, status }), mainText]
    .filter(Boolean).join(lang === 'en' ? ' ' : '');
  const drawable = profile !== null && profile.heightM.some(Number.isFinite);
  const scale = drawable ? terrainProfileScale(profile, BOX) : null;

  return (
    <figure className="terrain-profile" data-testid="terrain-profile-view" style={{ margin: '6px 0 0' }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{t('profile.title', { site: siteName, target: targetLabel })}</figcaption>
      {profile === null && <p data-testid="profile-no-dem">{t('profile.noDem')}</p>}
      {profile !== null && !profile.terrainKnown && <p data-testid="profile-terrain-unknown">{t('profile.terrainUnknown')}</p>}
      {profile !== null && scale !== null && (
        <>
          <ProfileSvg prediction={prediction} profile={profile} scale={scale} t={t} lang={lang} ariaLabel={ariaLabel} />
          <p className="terrain-profile-legend" style={{ fontSize: 11, color: COLORS.muted, margin: '2px 0 4px' }}>
            <Swatch color={COLORS.groundFill} />{t('profile.legendGround')}{' · '}
            <Swatch color={COLORS.los} line />{t('profile.legendLos')}{' · '}
            <Swatch color={COLORS.fresnelFill} />{t('profile.legendFresnel')}
            <br />{t('profile.curvatureNote')}
          </p>
        </>
      )}
      <ul className="terrain-profile-caption" data-testid="profile-caption" style={{ listStyle: 'none', padding: 0, margin: 0, fontSize: 12 }}>
        <li data-testid="profile-distance">{t('profile.distance', { distance })}</li>
        <li data-testid="profile-rsrp" data-covered={covered}>
          {t('profile.rsrp', { rsrp, threshold: thresholdDbm })}{' '}
          <strong data-testid="profile-status" style={{ color: covered ? COLORS.clearEdge : COLORS.mainEdge }}>{status}</strong>
        </li>
        <li data-testid="profile-losses">
          {t('profile.losses', { hata: fixed(lang, prediction.hataLossDb, 1), diffraction: fixed(lang, prediction.diffractionLossDb, 1) })}
        </li>
        {mainText !== null && <li data-testid="profile-main-edge-text">{mainText}</li>}
        {(diffraction?.secondary ?? []).map((edge) => (
          <li key={edge.index} data-testid="profile-secondary-edge-text">
            {t('profile.edgeLine', {
              edge: edgeHeading(t, lang, profile, edge, 'profile.secondaryEdge'),
              clearance: t('profile.aboveSubpath', { m: fixed(lang, edge.clearanceM, 0) }), loss: edgeLossText(t, lang, edge),
            })}
          </li>
        ))}
        {prediction.warnings.map((w) => (
          <li key={w.parameter} data-testid="profile-warning" style={{ color: COLORS.mainEdge }}>{warningText(t, w)}</li>
        ))}
      </ul>
    </figure>
  );
}
