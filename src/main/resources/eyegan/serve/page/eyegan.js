// The eyegan page: a client of TF Serving's REST API, served by `eyegan serve` (or any server with
// the same API). Every picture comes from a POST to /v1/models/NAME:predict.
'use strict';

const MODEL = document.querySelector('meta[name=eyegan-model]').content;
const API = `/v1/models/${encodeURIComponent(MODEL)}`;
/** Tiles are drawn at a whole multiple of the model's resolution, about 128 CSS pixels wide. */
const TILE_CSS_PX = 128;

let resolution = 0;          // R, read from the metadata of serving_default's "images" output
const noiseBySeed = new Map(); // seed -> Float32Array(D), as generate_from_seeds returns it
let lastGrid = null;         // {seeds, canvases, psi} of the grid on screen, for the download

async function call(path, body) {
  const response = await fetch(API + path, body === undefined ? {} : {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) {
    throw new Error(`${response.status}: ${json.error}`);
  }
  return json;
}

const predict = (body) => call(':predict', body);

function showError(e) {
  document.getElementById('error').textContent = e ? String(e.message || e) : '';
}

/** A canvas of R x R pixels shown at a whole multiple of R. */
function tileCanvas() {
  const c = document.createElement('canvas');
  c.width = resolution;
  c.height = resolution;
  const scale = Math.max(1, Math.floor(TILE_CSS_PX / resolution));
  c.style.width = c.style.height = `${resolution * scale}px`;
  return c;
}

/** Draws one PNG file (base64) into a canvas. */
function drawPng(canvas, b64) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => { canvas.getContext('2d').drawImage(img, 0, 0); resolve(); };
    img.onerror = () => reject(new Error('the server sent a PNG the browser cannot decode'));
    img.src = `data:image/png;base64,${b64}`;
  });
}

/** Draws one float image, [R][R][3] in [-1, 1], into a canvas: pixel = round((v + 1) * 127.5). */
function drawFloats(canvas, rows) {
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(resolution, resolution);
  let k = 0;
  for (const row of rows) {
    for (const [r, g, b] of row) {
      data.data[k++] = toByte(r);
      data.data[k++] = toByte(g);
      data.data[k++] = toByte(b);
      data.data[k++] = 255;
    }
  }
  ctx.putImageData(data, 0, 0);
}

function toByte(v) {
  return Math.min(255, Math.max(0, Math.round((v + 1) * 127.5)));
}

/** The noise of each seed, fetched once with generate_from_seeds (columnar request). */
async function noiseOf(seeds) {
  const missing = [...new Set(seeds.filter((s) => !noiseBySeed.has(s)))];
  if (missing.length) {
    const json = await predict({signature_name: 'generate_from_seeds', inputs: {seeds: missing}});
    missing.forEach((s, i) => noiseBySeed.set(s, Float32Array.from(json.outputs.noise[i])));
  }
  return seeds.map((s) => noiseBySeed.get(s));
}

/** Images of noise rows with serving_default (row request); psi scales each row (truncation). */
async function drawNoise(canvases, noise, psi) {
  const instances = noise.map((z) => Array.from(z, (v) => v * psi));
  const json = await predict({instances});
  json.predictions.forEach((image, i) => drawFloats(canvases[i], image));
}

function layout(container, canvases, cols) {
  container.replaceChildren(...canvases);
  container.style.setProperty('--cols', cols);
}

async function showGrid() {
  const first = Number.parseInt(document.getElementById('seed').value, 10) || 0;
  const count = Number.parseInt(document.getElementById('count').value, 10) || 16;
  const psi = Number.parseFloat(document.getElementById('psi').value);
  const seeds = Array.from({length: count}, (_, i) => first + i);
  const canvases = seeds.map(() => tileCanvas());
  canvases.forEach((c, i) => { c.title = `seed ${seeds[i]}`; });
  if (psi === 1) {
    // No truncation: the model draws each seed's noise and encodes PNGs itself; "png_bytes" ends in
    // _bytes, so each prediction is {"b64": ...}.
    const json = await predict({signature_name: 'generate_png', instances: seeds});
    await Promise.all(json.predictions.map((p, i) => drawPng(canvases[i], p.b64)));
  } else {
    await drawNoise(canvases, await noiseOf(seeds), psi);
  }
  layout(document.getElementById('grid'), canvases, Math.ceil(Math.sqrt(count)));
  lastGrid = {seeds, canvases, psi};
  document.body.dataset.gridSeeds = `${seeds[0]}-${seeds[seeds.length - 1]}`;
}

/** Spherical interpolation between two noise vectors, both ends included (as eyegan generate does). */
function slerp(a, b, steps) {
  let dot = 0, na = 0, nb = 0;
  for (let k = 0; k < a.length; k++) { dot += a[k] * b[k]; na += a[k] * a[k]; nb += b[k] * b[k]; }
  const cos = na === 0 || nb === 0 ? 1 : Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
  const omega = Math.acos(cos);
  return Array.from({length: steps}, (_, i) => {
    const t = steps === 1 ? 0 : i / (steps - 1);
    const wa = omega < 1e-6 ? 1 - t : Math.sin((1 - t) * omega) / Math.sin(omega);
    const wb = omega < 1e-6 ? t : Math.sin(t * omega) / Math.sin(omega);
    return a.map((v, k) => wa * v + wb * b[k]);
  });
}

async function showWalk() {
  const from = Number.parseInt(document.getElementById('from').value, 10) || 0;
  const to = Number.parseInt(document.getElementById('to').value, 10) || 0;
  const steps = Math.max(2, Math.min(32, Number.parseInt(document.getElementById('steps').value, 10) || 8));
  const psi = Number.parseFloat(document.getElementById('psi').value);
  const [a, b] = await noiseOf([from, to]);
  const canvases = Array.from({length: steps}, () => tileCanvas());
  await drawNoise(canvases, slerp(a, b, steps), psi);
  layout(document.getElementById('walk'), canvases, steps);
}

/** The grid on screen as one PNG at the model's own resolution, 2 px dark gutters. */
function downloadGrid() {
  if (!lastGrid) {
    return;
  }
  const {seeds, canvases, psi} = lastGrid;
  const cols = Math.ceil(Math.sqrt(canvases.length));
  const rows = Math.ceil(canvases.length / cols);
  const gap = 2;
  const out = document.createElement('canvas');
  out.width = cols * resolution + (cols - 1) * gap;
  out.height = rows * resolution + (rows - 1) * gap;
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#101010';
  ctx.fillRect(0, 0, out.width, out.height);
  canvases.forEach((c, i) => ctx.drawImage(c, (i % cols) * (resolution + gap), Math.floor(i / cols) * (resolution + gap)));
  out.toBlob((blob) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `eyes-seed${seeds[0]}-${seeds[seeds.length - 1]}${psi === 1 ? '' : `-psi${psi}`}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }, 'image/png');
}

function guarded(task) {
  return async (event) => {
    if (event) {
      event.preventDefault();
    }
    showError(null);
    document.body.dataset.state = 'working';
    try {
      await task();
      document.body.dataset.state = 'ready';
    } catch (e) {
      document.body.dataset.state = 'error';
      showError(e);
    }
  };
}

/** Settings in the address (?seed=42&n=16&psi=0.7&from=42&to=43&steps=8) fill the form, so a view can be shared. */
function applyQuery() {
  const query = new URLSearchParams(window.location.search);
  const fields = {seed: 'seed', n: 'count', psi: 'psi', from: 'from', to: 'to', steps: 'steps'};
  for (const [param, id] of Object.entries(fields)) {
    if (query.has(param)) {
      document.getElementById(id).value = query.get(param);
    }
  }
  document.getElementById('psi-value').textContent = Number(document.getElementById('psi').value).toFixed(2);
}

async function start() {
  applyQuery();
  const [status, metadata] = await Promise.all([call(''), call('/metadata')]);
  const sig = metadata.metadata.signature_def.signature_def.serving_default;
  const dims = sig.outputs.images.tensor_shape.dim.map((d) => Number(d.size));
  resolution = dims[1];
  const version = status.model_version_status.map((v) => `${v.version} (${v.state})`).join(', ');
  document.getElementById('model').textContent =
    `model ${MODEL}, version ${version}: ${resolution}x${resolution} RGB eyes from ${sig.inputs.noise.tensor_shape.dim[1].size} noise values`;
  await showGrid();
  await showWalk();
}

let sliderTimer = 0;
document.getElementById('psi').addEventListener('input', (e) => {
  document.getElementById('psi-value').textContent = Number(e.target.value).toFixed(2);
  clearTimeout(sliderTimer);
  sliderTimer = setTimeout(guarded(async () => { await showGrid(); await showWalk(); }), 150);
});
document.getElementById('grid-form').addEventListener('submit', guarded(showGrid));
document.getElementById('walk-form').addEventListener('submit', guarded(showWalk));
document.getElementById('download').addEventListener('click', downloadGrid);
guarded(start)();
