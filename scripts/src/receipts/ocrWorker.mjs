// Runs @gutenye/ocr-node in its own Node process: it is an ES module with native parts (ONNX Runtime,
// sharp), which jest's module loader cannot load, and a crash here must not take the server down.
// Protocol (IPC, advanced serialization): { id, image: Uint8Array } in, { id, lines } or { id, error } out.
import Ocr from '@gutenye/ocr-node';

let engine;

const ys = (line) => (line.box ?? [[0, 0]]).map((point) => point[1] ?? 0);
const xs = (line) => (line.box ?? [[0, 0]]).map((point) => point[0] ?? 0);

// Boxes on the same printed line ("Total" … "$10.62", "Blue Bottle" "Coffee") become one line, left
// to right; lines go top to bottom. A photo is usually turned a little, so each box's middle is first
// turned back by the page's skew (the median slope of the boxes' top edges). A box joins a line when
// it is beside the line's boxes (no horizontal overlap) and its straightened middle is within a third
// of a line height of theirs.
function rows(found) {
  const slopes = found
    .map((line) => line.box)
    .filter((box) => Array.isArray(box) && box.length === 4 && box[1][0] !== box[0][0])
    .map((box) => (box[1][1] - box[0][1]) / (box[1][0] - box[0][0]))
    .sort((a, b) => a - b);
  const skew = slopes.length ? slopes[Math.floor(slopes.length / 2)] : 0;
  const boxes = found
    .map((line) => {
      const y = ys(line);
      const x = xs(line);
      const left = Math.min(...x);
      const right = Math.max(...x);
      const height = Math.max(...y) - Math.min(...y) - Math.abs(skew) * (right - left);
      const middle = (Math.min(...y) + Math.max(...y)) / 2 - skew * ((left + right) / 2);
      return { text: String(line.text).trim(), middle, height: Math.max(height, 1), left, right };
    })
    .filter((box) => box.text !== '')
    .sort((a, b) => a.middle - b.middle);
  const lines = [];
  for (const box of boxes) {
    const line = lines.find(
      (l) =>
        Math.abs(l.middle - box.middle) < Math.min(l.height, box.height) / 2 &&
        l.boxes.every((other) => box.left >= other.right || box.right <= other.left),
    );
    if (line) line.boxes.push(box);
    else lines.push({ middle: box.middle, height: box.height, boxes: [box] });
  }
  return lines.map((line) =>
    line.boxes
      .sort((a, b) => a.left - b.left)
      .map((box) => box.text)
      .join(' '),
  );
}

process.on('message', async ({ id, image }) => {
  try {
    engine ??= Ocr.create();
    const found = await (await engine).detect(Buffer.from(image));
    process.send({ id, lines: rows(found) });
  } catch (error) {
    process.send({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
