// Brotli for precompress.py when Python has no `brotli` module: one Node process for all
// files. argv[2]: a JSON file of [[source, destination], ...]; each destination gets the
// source at quality 11, written beside it first and then renamed (never half-written).
// The compressions run on libuv's thread pool, so they use every core.
import fs from "node:fs/promises";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const jobs = JSON.parse(await fs.readFile(process.argv[2], "utf-8"));

await Promise.all(jobs.map(async ([source, destination]) => {
  const data = await fs.readFile(source);
  const packed = await brotli(data, {params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length}});
  const partial = `${destination}.${process.pid}.tmp`;
  await fs.writeFile(partial, packed);
  await fs.rename(partial, destination);
}));
