"""setuptools glue for what pyproject.toml cannot say: the build code (buildlib/) installs as
the package `wasmlit_build`, and a wheel also carries a prebuilt dist/ and the few npm files
a site build reads (buildlib/shipping.py), so an installed wasmlit builds sites with no npm
or Node. Building that wheel (from the checkout or from the sdist) runs build.py's dist
build: it needs npm (`npm ci`) and Node. An editable install (`pip install -e .`) ships
nothing: it uses the checkout's dist/."""
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class build_py_with_dist(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        sys.path.insert(0, str(HERE))
        try:
            from buildlib.errors import BuildError
            from buildlib.shipping import fill_shipped
        finally:
            sys.path.remove(str(HERE))
        try:
            fill_shipped(Path(self.build_lib) / "wasmlit_build" / "shipped")
        except (BuildError, OSError) as e:
            sys.exit(f"building wasmlit's dist/ for the wheel failed: {e}")


# An editable install (`pip install -e .`, setuptools' editable_wheel) maps runtime/ alone, so
# that it stays a plain path entry on sys.path (mapping buildlib/ too would need an import
# hook, which a path entry of another wasmlit install shadows): `wasmlit` and the pytest
# plugin then find buildlib/ beside runtime/ in the checkout.
EDITABLE = "editable_wheel" in sys.argv
setup(
    package_dir={"": "runtime"} if EDITABLE else {"": "runtime", "wasmlit_build": "buildlib"},
    packages=find_packages("runtime") + ([] if EDITABLE else ["wasmlit_build"]),
    package_data={} if EDITABLE else {"wasmlit_build": ["*.mjs"]},
    cmdclass={"build_py": build_py_with_dist},
)
