"""The figure layered_view returns: one layout, written in any format strata writes."""

from __future__ import annotations

import errno
import math
import numbers
import os
import sys
import tempfile
import warnings
from typing import Any, List, Optional, Sequence, Tuple

from . import _strata

# The widest PNG a notebook is given to show: wider figures are drawn at a lower resolution.
_NOTEBOOK_PIXELS = 2400
# The largest SVG a notebook is given: a larger one (a deep model drawn layer by layer) would
# weigh down the notebook file, so the cell shows the PNG instead.
_NOTEBOOK_SVG_BYTES = 2 << 20


# strata's bounds on a raster image (strata/limits.hpp): pixels in all, and the longest side of
# the image to_pil() draws.
_MAX_PIXELS = 1 << 28
_MAX_SIDE = 1 << 22


def _check_raster_scale(width: float, height: float, dpi: float, scale: float) -> None:
    """Refuses in one short line a scale (or dpi) outside what this figure can be drawn at,
    naming the parameter and its range, before a message would spell out an image side of
    hundreds of digits."""
    given = [("scale", scale, dpi), ("dpi", dpi, scale)]
    if not all(isinstance(v, (int, float)) and math.isfinite(v) and v > 0 for _, v, _ in given):
        return  # the library's own message names the parameter
    # The largest resolution (dpi times scale) at which the image keeps within the bounds.
    side = max(width, height, 1.0) / 96
    area = max(width, 1.0) * max(height, 1.0) / (96 * 96)
    most = min(_MAX_SIDE / side, math.sqrt(_MAX_PIXELS / area))
    if dpi * scale <= most:
        return
    name, value, other = given[0] if scale != 1 else given[1]
    raise _strata.Error(
        f"{name} must be from {1 / other:.3g} to {most / other:.3g} for this figure "
        f"(at most {_MAX_PIXELS} pixels are allowed, a side of at most {_MAX_SIDE}); got {value:g}"
    )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class StrataWarning(UserWarning):
    """Something strata drew differently from what was asked, e.g. text too small to read."""


def caller_level() -> int:
    """The stacklevel of the first frame outside this package, so that a warning names the
    user's line."""
    package = os.path.dirname(os.path.abspath(__file__))
    frame = sys._getframe(1)
    level = 1
    while frame is not None and os.path.dirname(os.path.abspath(frame.f_code.co_filename)) == package:
        frame = frame.f_back
        level += 1
    return level


def _number(name: str, value: Any) -> float:
    """A dpi or scale as a float; a bool (an int to Python) is refused, not taken as 1 or 0."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    return float(value)


def _output_path(path: Any) -> str:
    path = os.fspath(path)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(
            "path: the file name holds a lone surrogate, which is not Unicode text; give a "
            "name that encodes as UTF-8"
        ) from None
    return path


def _warn(messages: Sequence[str]) -> None:
    for message in messages:
        warnings.warn(message, StrataWarning, stacklevel=caller_level())


class Figure:
    """A laid-out figure. ``save(path)`` writes it by the file's extension; ``svg`` is its SVG
    text; notebooks show it; ``to_pil()`` gives the image visualkeras returns."""

    def __init__(self, model: "_strata.Model", option_layers: List[Tuple[str, str]],
                 chosen_font: bool, chosen_font_size: bool,
                 inherited_layers: Optional[List[Tuple[str, str]]] = None):
        self._model = model
        self._option_layers = option_layers
        self._inherited_layers = inherited_layers or []
        self._chosen = (chosen_font, chosen_font_size)
        self._scene = _strata.layout(model, option_layers)
        self._latex_scene: Optional[Any] = None
        _warn(model.warnings)
        _warn(self._scene.warnings)

    @property
    def width(self) -> float:
        """The figure's width in CSS pixels (1/96 in)."""
        return self._scene.width

    @property
    def height(self) -> float:
        return self._scene.height

    @property
    def level(self) -> str:
        """What one box stands for: "layer", "block" or "stage"."""
        return self._scene.level or "layer"

    def _bytes(self, fmt: str, dpi: float = 96, scale: float = 1) -> bytes:
        scene = self._scene
        if fmt == "tex":
            if self._latex_scene is None:
                self._latex_scene = _strata.layout(
                    self._model, self._option_layers, True, self._chosen[0], self._chosen[1],
                    inherited_layers=self._inherited_layers,
                )
                _warn(self._latex_scene.warnings)
            scene = self._latex_scene
        data, emit_warnings = scene.emit(fmt, _number("dpi", dpi), _number("scale", scale))
        _warn(emit_warnings)
        return data

    @property
    def svg(self) -> str:
        return self._bytes("svg").decode("utf-8")

    def png(self, dpi: float = 96, scale: float = 1) -> bytes:
        return self._bytes("png", dpi, scale)

    def pdf(self) -> bytes:
        return self._bytes("pdf")

    def tikz(self) -> str:
        """A tikzpicture set in the document's font (Latin Modern 10 pt unless a font was
        chosen)."""
        return self._bytes("tex").decode("utf-8")

    def scene_json(self) -> str:
        return self._bytes("json").decode("utf-8")

    def save(self, path: "str | os.PathLike[str]", format: Optional[str] = None, *,
             dpi: float = 96, scale: float = 1) -> None:
        """Writes the figure; the format comes from the extension (svg, png, pdf, tex, json,
        or a raster format Pillow writes, such as jpg) unless given. The file appears whole or
        not at all."""
        path = _output_path(path)
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise FileNotFoundError(errno.ENOENT, "no such folder for the figure", path)
        # As the command line: never through a symbolic link, never over the model file.
        _strata.check_output_path(path, [self._model.path] if self._model.path else [])
        fmt = format or _strata.format_of_file(path)
        if fmt is None:
            pillow_format = None if format else _pillow_format(path)
            if pillow_format is None:
                raise ValueError(
                    f"cannot tell the output format of '{path}' (use a .svg, .png, .pdf, .tex or "
                    ".json file name, one Pillow writes such as .jpg, or format=)"
                )
            data = self._pillow_bytes(pillow_format, dpi, scale)
        else:
            data = self._bytes(fmt, dpi, scale)
        handle, temporary = tempfile.mkstemp(prefix=".strata-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o666 & ~_umask())
            os.replace(temporary, path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise

    def to_pil(self, dpi: float = 96, scale: float = 1) -> Any:
        """The figure as a ``PIL.Image.Image`` in RGBA (needs Pillow), of any side, as
        visualkeras' image is; at most 2**28 pixels (a PNG file is held to 32767 a side)."""
        from PIL import Image

        dpi, scale = _number("dpi", dpi), _number("scale", scale)
        _check_raster_scale(self.width, self.height, dpi, scale)
        width, height, pixels, image_warnings = self._scene.rgba(dpi, scale)
        _warn(image_warnings)
        return Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", 0, 1)

    def _pillow_bytes(self, pillow_format: str, dpi: float, scale: float) -> bytes:
        # A raster format strata does not write itself (JPEG, BMP, WebP...), as visualkeras'
        # to_file saves through Pillow; formats without transparency get the figure on white.
        import io

        from PIL import Image

        image = self.to_pil(dpi=dpi, scale=scale)
        if pillow_format in ("JPEG", "BMP", "PPM", "EPS", "PCX"):
            flat = Image.new("RGB", image.size, (255, 255, 255))
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        out = io.BytesIO()
        image.save(out, format=pillow_format)
        return out.getvalue()

    def _repr_svg_(self) -> Optional[str]:
        svg = self.svg
        return svg if len(svg) <= _NOTEBOOK_SVG_BYTES else None

    def _repr_png_(self) -> bytes:
        # For a notebook's cell: at most _NOTEBOOK_PIXELS wide (but at least 1 dpi, the
        # lowest resolution strata draws), the full figure in save().
        dpi = max(1.0, min(96.0, 96.0 * _NOTEBOOK_PIXELS / max(self.width, 1.0)))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", StrataWarning)
            return self.png(dpi=dpi)

    def __repr__(self) -> str:
        return f"<strata.Figure {self.width:g}x{self.height:g} px>"


def _pillow_format(path: str) -> Optional[str]:
    """The Pillow format that writes a file of this name's extension, when Pillow is there."""
    try:
        from PIL import Image
    except ImportError:
        return None
    extension = os.path.splitext(path)[1].lower()
    known = Image.registered_extensions()
    pillow_format = known.get(extension)
    return pillow_format if pillow_format in Image.SAVE else None
