/**
 * "Print report": takes a picture of the map as it is now, puts it and the date into the report
 * (PrintReport, shown only by the print stylesheet), then opens the browser's print dialog (A4
 * portrait; "save as PDF" makes a PDF).
 */
import { setCommittee } from '../state/actions/committee-actions.ts';
import { captureMapImage } from './map-handle.ts';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Fills the report's map image and date; resolves once React has drawn them. */
export async function prepareReport(): Promise<void> {
  const mapImage = await captureMapImage();
  setCommittee({ report: { mapImage, preparedAt: new Date().toISOString() } });
  await nextFrame();
  await nextFrame();
}

export async function printReport(): Promise<void> {
  await prepareReport();
  window.print();
}
