// Compile Python sources to .pyc with the browser's own Python: Pyodide, run under Node.
//   node buildlib/pycompile.mjs PYODIDE_DIR JOB.json OUT.json
// JOB.json: {"prefix": "/lib/python3.14/site-packages", "optimize": 2,
//            "files": {"wasmlit/x.py": "source", ...}}
// OUT.json: {"magic": "<hex of importlib.util.MAGIC_NUMBER>", "version": "3.14.x",
//            "pyc": {"wasmlit/x.py": "<base64 .pyc>", ...}, "errors": {"wasmlit/y.py": "..."}}
// Each .pyc is compiled as if the source sat at PREFIX/<name> (its co_filename), with an
// unchecked-hash header, so it loads on its own (sourceless) and is reproducible; without
// column positions (PYTHONNODEBUGRANGES: tracebacks show no ^^^ markers in our frames) and
// at the job's optimization level (2: no docstrings, no asserts), to keep them small.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, jobPath, outPath] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, stdout: () => {}, stderr: () => {},
  env: { PYTHONNODEBUGRANGES: "1" } });
pyodide.globals.set("job_text", readFileSync(jobPath, "utf-8"));
const result = pyodide.runPython(`
import base64, importlib.util, json, os, py_compile, sys
job = json.loads(job_text)
out = {"magic": importlib.util.MAGIC_NUMBER.hex(), "version": sys.version.split()[0], "pyc": {}, "errors": {}}
for name, source in job["files"].items():
    src = "/tmp/pycompile/" + name
    os.makedirs(os.path.dirname(src), exist_ok=True)
    with open(src, "w", encoding="utf-8") as f:
        f.write(source)
    try:
        cfile = py_compile.compile(src, cfile=src + "c", dfile=job["prefix"] + "/" + name, doraise=True,
                                   optimize=job["optimize"], invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    except py_compile.PyCompileError as exc:
        out["errors"][name] = str(exc)
        continue
    with open(cfile, "rb") as f:
        out["pyc"][name] = base64.b64encode(f.read()).decode()
json.dumps(out)
`);
writeFileSync(outPath, result);
