// Runs the published TensorFlow.js models that eyegan ships converted (iris and BlazeFace from
// @vladmandic/human, MobileNetV2 from nsfwjs) on the fixed input images in FIXTURES, with the pure
// JavaScript CPU backend of @tensorflow/tfjs, and writes their outputs as little-endian float32
// files plus reference.json, which eyegan's PretrainedFidelityTest compares the converted graphs
// against.
//
//   cd src/test/scripts/tfjs-fixtures && npm ci && node make-fixtures.js
//
// Inputs are PNG files written by eyegan.pretrained.FixtureImages (a test class); each is fed as
// float32 computed in double and rounded once, x = fround(byte / 255) or fround(byte / 127.5 - 1),
// exactly as the Java test builds its tensors.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const tf = require('@tensorflow/tfjs');
const nsfwjs = require('nsfwjs');

const FIXTURES = path.resolve(__dirname, '../../resources/eyegan/pretrained/fixtures');
// Read from node_modules directly: the packages' "exports" maps do not expose these files.
const HUMAN = path.join(__dirname, 'node_modules/@vladmandic/human');
const HUMAN_MODELS = path.join(HUMAN, 'models');
const NSFWJS = path.join(__dirname, 'node_modules/nsfwjs');
const MOBILENET_FEATURE = 'StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/'
  + 'StatefulPartitionedCall/StatefulPartitionedCall/predict/feature_vector/SpatialSqueeze';

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Java's ImageIO writes) to RGB bytes. */
function readPng(file) {
  const buf = fs.readFileSync(file);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      const colour = data[9];
      if (depth !== 8 || (colour !== 2 && colour !== 6) || data[12] !== 0) {
        throw new Error(`${file}: only 8-bit RGB/RGBA non-interlaced PNG is read`);
      }
      channels = colour === 2 ? 3 : 4;
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 3);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : (pb <= pc ? b : c);
      }
      line[i] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 3; k++) out[(y * width + x) * 3 + k] = line[x * channels + k];
    }
    prev = line;
  }
  return { width, height, rgb: out };
}

/** NHWC float32 batch of the named PNGs, each byte mapped by `map` in double, rounded once. */
function batch(files, map) {
  const images = files.map((f) => readPng(path.join(FIXTURES, f)));
  const { width, height } = images[0];
  const values = new Float32Array(images.length * width * height * 3);
  images.forEach((im, n) => {
    for (let i = 0; i < im.rgb.length; i++) values[n * im.rgb.length + i] = Math.fround(map(im.rgb[i]));
  });
  return tf.tensor4d(values, [images.length, height, width, 3], 'float32');
}

/** A graph model from model.json + binary shards, read from disk (tfjs has no file:// loader in node). */
async function loadGraphModel(jsonFile) {
  const model = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  const weightSpecs = [];
  const shards = [];
  for (const group of model.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const p of group.paths) shards.push(fs.readFileSync(path.join(path.dirname(jsonFile), p)));
  }
  const weightData = new Uint8Array(Buffer.concat(shards)).buffer;
  return tf.loadGraphModel(tf.io.fromMemory({ modelTopology: model.modelTopology, weightSpecs, weightData, format: model.format }));
}

/** Runs `model` on `inputs` (a batch), fetching `nodes`, writing each as <prefix>.<k>.f32. */
async function record(entries, network, model, inputFiles, transform, map, inputNode, nodes) {
  const x = batch(inputFiles, map);
  const feed = {};
  feed[inputNode] = x;
  const outs = model.execute(feed, nodes);
  const list = Array.isArray(outs) ? outs : [outs];
  const outputs = [];
  for (let k = 0; k < list.length; k++) {
    const file = `${network}.${inputFiles.map((f) => f.replace('.png', '')).join('+')}.${k}.f32`;
    const data = await list[k].data();
    fs.writeFileSync(path.join(FIXTURES, file), Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    outputs.push({ node: nodes[k], shape: list[k].shape, file });
  }
  entries.push({ network, inputs: inputFiles, input_node: inputNode, input_transform: transform, outputs });
  tf.dispose([x, ...list]);
}

async function main() {
  await tf.setBackend('cpu');
  const entries = [];
  const unit = (v) => v / 255;
  const signed = (v) => v / 127.5 - 1;

  const iris = await loadGraphModel(path.join(HUMAN_MODELS, 'iris.json'));
  await record(entries, 'iris-landmarks', iris, ['eye-64.png', 'pattern-64.png'], 'x/255', unit, 'input_1', ['Identity']);

  const blazeface = await loadGraphModel(path.join(HUMAN_MODELS, 'blazeface.json'));
  const faceOutputs = ['Identity', 'Identity_1', 'Identity_2', 'Identity_3'];
  for (const f of ['face-256.png', 'pattern-256.png']) {
    await record(entries, 'blazeface', blazeface, [f], 'x/127.5-1', signed, 'input', faceOutputs);
  }

  const nsfw = await nsfwjs.load('MobileNetV2Mid', { type: 'graph' });
  await record(entries, 'mobilenet-v2-140', nsfw.model, ['eye-224.png', 'pattern-224.png'], 'x/255', unit, 'input',
    [MOBILENET_FEATURE, 'Identity']);

  const reference = {
    generator: 'src/test/scripts/tfjs-fixtures/make-fixtures.js',
    tfjs: tf.version.tfjs,
    backend: tf.getBackend(),
    packages: {
      '@vladmandic/human': JSON.parse(fs.readFileSync(path.join(HUMAN, 'package.json'))).version,
      nsfwjs: JSON.parse(fs.readFileSync(path.join(NSFWJS, 'package.json'))).version,
    },
    entries,
  };
  fs.writeFileSync(path.join(FIXTURES, 'reference.json'), JSON.stringify(reference, null, 2) + '\n');
  console.log(`wrote ${entries.length} reference entries to ${FIXTURES}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
