#!/usr/bin/env python3
"""Writes the hostile-input suite: one file (or folder) per case and manifest.tsv.

Usage: generate.py OUT_DIR [CORPUS_DIR]

Every case is a model file (and sometimes an option file or an output path) that strata must
survive: it either draws valid output (expect "ok") or prints one line
"strata: error: FILE[:LINE:COL]: ..." containing `message` and exits 1 (expect "error").
The files are generated because many are large or binary; nothing here is fetched.

manifest.tsv columns: id, model, options, output, expect, message, max_mib
  model    file in the case folder, or @missing / @directory / @devzero
  options  option file in the case folder, or ""
  output   "out.svg" (default), "out.png", "out.pdf", or @missing-folder / @directory /
           @symlink / @input / @options / @existing (an output that must stay byte-identical) /
           @frames (out.svg and --frames into a folder beside it, left out on an error)
  max_mib  peak resident memory allowed (the isolated children's included); "" = 1024
  max_seconds  processor time allowed; "" = 10
"""
import json
import os
import random
import struct
import sys
import zipfile
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench"))
from make_wide_models import mesh, wide  # noqa: E402  (the bench's wide models, also bounds here)

warnings.simplefilter("ignore")  # zipfile warns about the duplicate members made on purpose

OUT = sys.argv[1]
CORPUS = sys.argv[2] if len(sys.argv) > 2 else ""
rows = []


# Every case names its peak memory bound. 128 MiB is about twice what the cases without a bound
# of their own took in a release build (70 MiB at most; strata starts in about 45 MiB).
def case(cid, files, expect, message="", model="model.json", options="", output="out.svg",
         max_mib=128, max_seconds=""):
    folder = os.path.join(OUT, cid)
    os.makedirs(folder, exist_ok=True)
    for name, data in files.items():
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            if isinstance(data, tuple):  # ("sparse", size): a large file that costs no disk
                f.truncate(data[1])
            else:
                f.write(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    rows.append([cid, model, options, output, expect, message, str(max_mib), str(max_seconds)])


def dumps(obj):
    return json.dumps(obj)


def seq(layers, name="s"):
    return {"class_name": "Sequential", "config": {"name": name, "layers": layers}}


def dense(name, units=4, **extra):
    cfg = {"name": name, "units": units}
    cfg.update(extra)
    return {"class_name": "Dense", "config": cfg}


def conv(name, filters=4, kernel=3, strides=1, **extra):
    cfg = {"name": name, "filters": filters, "kernel_size": kernel, "strides": strides,
           "padding": "valid"}
    cfg.update(extra)
    return {"class_name": "Conv2D", "config": cfg}


def with_input(layer, shape):
    layer["config"]["batch_input_shape"] = shape
    return layer


def functional(layers, inputs, outputs, name="m"):
    return {"class_name": "Functional", "config": {"name": name, "layers": layers,
            "input_layers": inputs, "output_layers": outputs}}


def node(name, cls, cfg, inbound):
    cfg = dict(cfg)
    cfg["name"] = name
    return {"name": name, "class_name": cls, "config": cfg,
            "inbound_nodes": [[[i, 0, 0, {}] for i in inbound]] if inbound else []}


VALID = dumps(seq([with_input(conv("c1"), [None, 32, 32, 3]), {"class_name": "Flatten",
              "config": {"name": "f"}}, dense("d", 10)]))

# --- Keras JSON: truncated, garbage, nesting ------------------------------------------------
case("json-valid", {"model.json": VALID}, "ok")
for i, cut in enumerate(sorted(set(int(len(VALID) * k / 24) for k in range(1, 24)))):
    case(f"json-truncated-{i:02d}", {"model.json": VALID[:cut]}, "error", "invalid JSON")
rng = random.Random(1234)
for i in range(10):
    data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))
    if data[:1] in (b"{", b"[", b'"', b" "):
        data = b"\x01" + data
    case(f"garbage-{i:02d}", {"model.json": data}, "error", "unsupported model format")
case("json-empty", {"model.json": ""}, "error", "empty")
case("json-blank", {"model.json": " \n\t\r\n"}, "error", "empty")
case("json-bom-only", {"model.json": b"\xef\xbb\xbf"}, "error", "empty")
case("json-utf16", {"model.json": VALID.encode("utf-16")}, "error", "unsupported model format")
case("json-nul-bytes", {"model.json": b"{\x00\x00}"}, "error", "invalid JSON")
case("json-invalid-utf8", {"model.json": b'{"class_name": "Sequential\xff\xfe", "config": {}}'},
     "error", "invalid JSON")
case("json-deep-arrays", {"model.json": "[" * 100000}, "error", "nested deeper than")
case("json-deep-objects", {"model.json": '{"a":' * 100000}, "error", "nested deeper than")
case("json-deep-mixed", {"model.json": '{"class_name": "Sequential", "config": ' +
                         '[{"a":' * 50000}, "error", "nested deeper than")
case("json-deep-at-limit", {"model.json": '{"class_name": "Sequential", "config": {"name": "s", '
                            '"layers": [], "x": ' + "[" * 500 + "]" * 500 + "}}"}, "error",
     "no layer")
case("json-string-unwraps", {"model.json": dumps(dumps(dumps(dumps(dumps(VALID)))))}, "error",
     "nested too deeply")
case("json-double-encoded", {"model.json": dumps(VALID)}, "ok")
case("json-not-object", {"model.json": "[1, 2, 3]"}, "error", "expected a JSON object")
case("json-number", {"model.json": "1e999999"}, "error", "unsupported model format")
case("json-huge-number", {"model.json": '{"a": 1' + "0" * 100000 + "}"}, "error", "number overflow")
case("json-long-string", {"model.json": '{"class_name": "' + "x" * 2000000 + '"}'}, "error",
     "a JSON string longer than 1 MiB")
case("json-duplicate-keys", {"model.json": '{"class_name": "Sequential", "class_name": "Model", '
                             '"config": {"layers": []}}'}, "error", "")

# --- Keras JSON: dimensions -----------------------------------------------------------------
dims = {
    "absurd": ("[null, 1e300]", "expected a dimension"),
    "negative": ("[null, -5]", "expected a dimension"),
    "float": ("[null, 3.7]", "expected a dimension"),
    "overflow": ("[null, 99999999999999999999999]", "expected a dimension"),
    "over-limit": ("[null, 1099511627777]", "expected a dimension"),
    "string": ('[null, "four"]', "expected a dimension"),
    "object": ('[null, {"a": 1}]', "expected a dimension"),
    "nan-literal": ("[null, NaN]", "invalid JSON"),
    "inf-literal": ("[null, Infinity]", "invalid JSON"),
    "nested": ("[null, [4]]", "expected a dimension"),
    "not-list": ("7", ""),
    "rank-too-high": ("[null" + ", 2" * 40 + "]", "rank"),
}
for key, (shape, message) in dims.items():
    text = ('{"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": '
            '"Dense", "config": {"name": "d", "units": 2, "batch_input_shape": ' + shape + '}}]}}')
    case(f"dim-{key}", {"model.json": text}, "error", message)
case("dim-zero", {"model.json": dumps(seq([with_input(dense("d"), [None, 0])]))}, "ok")
case("dim-at-limit", {"model.json": dumps(seq([with_input(dense("d"), [None, 1 << 40])]))}, "ok")
case("dim-product-overflow", {"model.json": dumps(seq([
    with_input(conv("c", filters=1 << 40), [None, 1 << 40, 1 << 40, 1 << 40]),
    {"class_name": "Flatten", "config": {"name": "f"}}, dense("d", 1 << 40)]))}, "ok")
case("units-huge", {"model.json": dumps(seq([with_input(dense("d", 1 << 41), [None, 4])]))},
     "error", "")
case("units-negative", {"model.json": dumps(seq([with_input(dense("d", -3), [None, 4])]))},
     "error", "")
case("units-float", {"model.json": dumps(seq([with_input(dense("d", 2.5), [None, 4])]))},
     "error", "")
# A configuration the shape rules cannot use: a warning, and the layer is drawn as a small box.
case("units-string", {"model.json": dumps(seq([with_input(dense("d", "8"), [None, 4])]))},
     "ok")
# A window or step below 1 describes no layer (-1 is not null here): an error naming the place.
BELOW_ONE = "expected an integer of 1 or more (or null)"
for key, strides in {"zero": 0, "zero-list": [0, 0], "negative": -1, "huge": 1 << 40,
                     "float": 1.5}.items():
    message = {"float": "expected a dimension", "huge": ""}.get(key, BELOW_ONE)
    case(f"conv-strides-{key}", {"model.json": dumps(seq([with_input(
        conv("c", strides=strides), [None, 32, 32, 3])]))}, "error" if message else "ok",
        message)
for key, kernel in {"zero": 0, "bigger-than-input": 64, "negative": -3, "rank-mismatch": [3],
                    "huge": 1 << 40}.items():
    below = key in ("zero", "negative")
    case(f"conv-kernel-{key}", {"model.json": dumps(seq([with_input(
        conv("c", kernel=kernel), [None, 32, 32, 3])]))}, "error" if below else "ok",
        BELOW_ONE if below else "")
for key, target in {"mismatch": [7, 7], "two-unknown": [-1, -1], "zero": [0, 5],
                    "negative": [-3, 4], "huge": [1 << 40, 1 << 40]}.items():
    case(f"reshape-{key}", {"model.json": dumps(seq([with_input(dense("d", 10), [None, 4]),
         {"class_name": "Reshape", "config": {"name": "r", "target_shape": target}}]))},
         "error" if key == "negative" else "ok", "expected a dimension" if key == "negative" else "")
case("dilation-zero", {"model.json": dumps(seq([with_input(conv("c", dilation_rate=0),
     [None, 32, 32, 3])]))}, "error", "config.layers[0].config.dilation_rate: " + BELOW_ONE)
case("pool-zero", {"model.json": dumps(seq([with_input(conv("c"), [None, 32, 32, 3]),
     {"class_name": "MaxPooling2D", "config": {"name": "p", "pool_size": 0}}]))}, "error",
     "config.layers[1].config.pool_size: " + BELOW_ONE)

# --- Keras JSON: graphs ---------------------------------------------------------------------
inp = node("in", "InputLayer", {"batch_input_shape": [None, 4]}, [])
case("graph-cycle", {"model.json": dumps(functional(
    [inp, node("a", "Dense", {"units": 2}, ["b"]), node("b", "Dense", {"units": 2}, ["a"])],
    [["in", 0, 0]], [["b", 0, 0]]))}, "error", "cycle")
case("graph-self-loop", {"model.json": dumps(functional(
    [inp, node("a", "Dense", {"units": 2}, ["a"])], [["in", 0, 0]], [["a", 0, 0]]))}, "error",
    "cycle")
case("graph-dangling", {"model.json": dumps(functional(
    [inp, node("a", "Dense", {"units": 2}, ["nowhere"])], [["in", 0, 0]], [["a", 0, 0]]))},
    "error", "'nowhere'")
case("graph-duplicate-names", {"model.json": dumps(functional(
    [inp, node("in", "Dense", {"units": 2}, ["in"])], [["in", 0, 0]], [["in", 0, 0]]))},
    "error", "defined twice")
case("graph-dangling-output", {"model.json": dumps(functional(
    [inp, node("a", "Dense", {"units": 2}, ["in"])], [["in", 0, 0]], [["ghost", 0, 0]]))},
    "error", "ghost")
case("graph-tensor-index-huge", {"model.json": dumps(functional(
    [inp, {"name": "a", "class_name": "Dense", "config": {"name": "a", "units": 2},
           "inbound_nodes": [[["in", 0, 1 << 40, {}]]]}], [["in", 0, 0]], [["a", 0, 0]]))},
    "error", "")
case("graph-no-input", {"model.json": dumps(functional(
    [node("a", "Dense", {"units": 2}, [])], [], [["a", 0, 0]]))}, "ok")
fan = [inp] + [node(f"d{i}", "Dense", {"units": 2}, ["in"]) for i in range(300)]
fan.append(node("cat", "Concatenate", {"axis": -1}, [f"d{i}" for i in range(300)]))
case("graph-wide-concat", {"model.json": dumps(functional(fan, [["in", 0, 0]],
     [["cat", 0, 0]]))}, "ok")
case("graph-nested-self", {"model.json": dumps({"class_name": "Model", "config": {"name": "m",
     "output_layers": [["inner", 0, 0]], "layers": [{"name": "inner", "class_name": "Model",
     "inbound_nodes": [[["inner", 0, 0, {}]]], "config": {"name": "inner",
     "input_layers": [["x", 0, 0]], "output_layers": [["x", 0, 0]], "layers": [{"name": "x",
     "class_name": "InputLayer", "config": {}, "inbound_nodes": []}]}}]}})}, "error",
     "leads back to itself")


def nested(depth):
    model = seq([with_input(dense("d0"), [None, 4])], name="n0")
    for level in range(1, depth):
        model = seq([model], name=f"n{level}")
        model["config"]["layers"][0]["config"]["name"] = f"n{level - 1}"
    return model


case("nested-models-deep", {"model.json": dumps(nested(200))}, "error", "nested")
case("nested-models-ok", {"model.json": dumps(nested(5))}, "ok")

# --- Keras JSON: sizes ----------------------------------------------------------------------
def deep_sequential(count):  # `count` layers with the implicit input layer
    layers = [with_input(dense("d0", 2), [None, 2])]
    layers += [dense(f"d{i}", 2) for i in range(1, count - 1)]
    return dumps(seq(layers))


case("layers-10e5", {"model.json": deep_sequential(100000)}, "error", "more than 20000 layers")
case("layers-at-limit", {"model.json": deep_sequential(20000)}, "ok")
case("layers-over-limit", {"model.json": deep_sequential(20001)}, "error", "more than 20000 layers")
case("name-at-limit", {"model.json": dumps(seq([with_input(dense("n" * 4096), [None, 4])]))},
     "ok")
case("name-over-limit", {"model.json": dumps(seq([with_input(dense("n" * 4097), [None, 4])]))},
     "error", "4096")
case("file-over-limit", {"model.json": ("sparse", (512 << 20) + 1)}, "error", "larger than 512 MiB")

# --- Keras JSON: hostile names (drawn, never markup or TeX) ---------------------------------
names = {
    "markup": '<script>alert(1)</script><foreignObject onload="x">',
    "entities": "&amp;&#0;&lt;]]>",
    "tex-input": "\\input{/etc/passwd}",
    "tex-exec": "/utils/exec={\\immediate\\write18{touch /tmp/pwned}}",
    "tex-specials": "#$%&~_^\\{}",
    "controls": "a\u0000b\u0001c\u001b[31md\u007f\u0085",
    "surrogate": "\ud800x\udfff",
    "bidi": "\u202eevil\u202d\u2066",
    "noncharacter": "\ufffe\uffff",
    "newlines": "a\nb\rc\td",
    "emoji-zwj": "\U0001F468\u200D\U0001F469\u200D\U0001F467",
    "quotes": "'\"`",
    "empty": "",
    "spaces": "   ",
    "id-clash": "a b",
}
# nlohmann-json refuses unpaired surrogates in \u escapes: those files are invalid JSON.
for key, name in names.items():
    model = seq([with_input(dense(name if key != "id-clash" else "a b"), [None, 4]),
                 dense("a_b" if key == "id-clash" else "second")])
    outcome = ("error", "invalid JSON") if key == "surrogate" else ("ok", "")
    case(f"name-{key}", {"model.json": json.dumps(model, ensure_ascii=True)}, *outcome)
    case(f"type-{key}", {"model.json": json.dumps(seq([with_input(
        {"class_name": name or "X", "config": {"name": "t"}}, [None, 4])]),
        ensure_ascii=True)}, *outcome)
case("name-invalid-utf8-escape", {"model.json": b'{"class_name": "Sequential", "config": '
     b'{"name": "s", "layers": [{"class_name": "Dense", "config": {"name": "\\udc80\\ud800", '
     b'"units": 2, "batch_input_shape": [null, 4]}}]}}'}, "error", "invalid JSON")
clash = [with_input(dense("\u00e9"), [None, 4])] + [dense(ch) for ch in
        (chr(c) for c in range(0xe0, 0xe0 + 2000) if chr(c) != "\u00e9")]
case("name-many-id-clashes", {"model.json": json.dumps(seq(clash))}, "ok")

# --- TensorFlow.js ------------------------------------------------------------------------------
topology = json.loads(VALID)
case("tfjs-valid", {"model.json": dumps({"format": "layers-model", "modelTopology": topology,
     "weightsManifest": []})}, "ok")
case("tfjs-topology-not-object", {"model.json": dumps({"modelTopology": 3})}, "error", "")
case("tfjs-topology-null", {"model.json": dumps({"modelTopology": None})}, "error", "")
case("tfjs-weights-outside", {"model.json": dumps({"modelTopology": topology,
     "weightsManifest": [{"paths": ["../../../etc/passwd", "/etc/shadow"],
                          "weights": [{"name": "x", "shape": [1 << 40], "dtype": "float32"}]}]})},
     "ok")
case("tfjs-nested-config", {"model.json": dumps({"modelTopology": {"model_config": topology}})},
     "ok")
case("tfjs-truncated", {"model.json": dumps({"modelTopology": topology})[:150]}, "error",
     "invalid JSON")

# --- Option files -------------------------------------------------------------------------------
def opt(cid, yaml, expect, message="", output="out.svg"):
    data = yaml if isinstance(yaml, bytes) else yaml.encode("utf-8", "surrogatepass")
    case(cid, {"model.json": VALID, "fig.yaml": data}, expect, message, options="fig.yaml",
         output=output)


opt("yaml-valid", "spacing: 15\nlegend: true\nfont_size: 12\n", "ok")
opt("yaml-cycle", "type_ignore: &x [*x]\n", "error", "cycle")
opt("yaml-cycle-map", "styles: &s {Dense: *s}\n", "error", "cycle")
bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
for i in range(1, 10):
    bomb += f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n"
opt("yaml-alias-bomb", bomb, "error", "more than 1000000 nodes")
opt("yaml-alias-bomb-in-option", "styles:\n  Dense: {fill: red}\n" +
    bomb.replace("\n", "\n  ").replace("a0: ", "  a0: ", 1).replace("  a0", "x_bomb:\n  a0", 1),
    "error", "")
opt("yaml-deep-flow", "styles: " + "[" * 100000, "error", "nested deeper than 128 levels")
opt("yaml-deep-block", "".join("  " * i + f"k{i}:\n" for i in range(300)), "error", "")
opt("yaml-deep-at-limit", "styles: " + "[" * 127 + "]" * 127 + "\n", "error", "styles")
opt("yaml-not-mapping", "- 1\n- 2\n", "error", "expected a mapping")
opt("yaml-unknown-key", "nope: 1\n", "error", "unknown option")
opt("yaml-syntax", "padding: [1, 2\n", "error", "not valid YAML")
opt("yaml-tabs", "padding:\t4\n\tspacing: 2\n", "error", "")
opt("yaml-invalid-utf8", b"caption: \"\xff\xfe{name}\"\n", "ok")
opt("yaml-controls", "caption: \"\\0\\x1b[31m{name}\\u202e\"\n", "ok")
opt("yaml-multi-document", "padding: 4\n---\npadding: [\n", "ok")
opt("yaml-huge", "caption: \"" + "x" * (5 << 20) + "\"\n", "error", "4 MiB")
opt("yaml-empty", "", "ok")
opt("yaml-null", "~\n", "ok")
opt("yaml-undefined-alias", "padding: *nope\n", "error", "")
opt("yaml-tagged", "padding: !!binary 4\n", "ok")
for key, value in {"nan": ".nan", "inf": ".inf", "neg-inf": "-.inf", "huge": "1e400",
                   "negative": "-5", "string": "wide", "list": "[1, 2]"}.items():
    opt(f"size-{key}-padding", f"padding: {value}\n", "error", "padding")
    opt(f"size-{key}-font-size", f"font_size: {value}\n", "error", "font_size")
    opt(f"size-{key}-scale", f"scale_xy: {value}\n", "error", "scale_xy")
for key, value in {"hash-short": "'#gg'", "hash-long": "'#1234567890'", "rgb-missing": "rgb(1,2)",
                   "hsl-nan": "hsl(nan,50%,50%)", "unknown-name": "notacolour", "empty": "''",
                   "percent": "rgb(101%,0,0)", "script": "'red;background:url(javascript:x)'",
                   "list": "[red, blue]"}.items():
    opt(f"color-{key}", f"background_fill: {value}\n", "error", "background_fill")
    opt(f"color-map-{key}", f"color_map:\n  Dense: {value}\n", "error", "color_map")
opt("color-valid-forms", "background_fill: 'hsl(120, 50%, 50%)'\nconnector_fill: '#abcd'\n"
    "color_map:\n  Dense: {fill: 'rgba(1,2,3,128)', outline: teal}\n", "ok")
for key, font in {"pattern-file": "DejaVu Sans:file=/etc/passwd",
                  "pattern-size": "DejaVu Sans-72", "pattern-only": ":", "star": "*",
                  "missing-file": "/nonexistent/font.ttf", "not-a-font": "/etc/hostname",
                  "newline": "\"DejaVu\\nSans\""}.items():
    opt(f"font-{key}", "text_callable: name\nfont: " +
        (font if font.startswith(chr(34)) else repr(font)) + "\n", "error",
        "font")
# Pillow reads rgb(256, 0, 0) and a one-item list is the item: both accepted, written as #rrggbb.
opt("color-rgb-over", "background_fill: rgb(256,0,0)\ncolor_map:\n  Dense: rgb(0,999,0)\n", "ok")
opt("color-one-item-list", "background_fill: [red]\n", "ok")
opt("font-valid", "text_callable: name\nfont: DejaVu Sans\n", "ok")
opt("font-valid-style", "text_callable: name\nfont: 'DejaVu Sans:weight=bold:slant=italic'\n", "ok")
opt("caption-tex", "caption: '\\input /etc/passwd \\write18 {name} $x^2$ # % & ~ _'\n", "ok")
opt("caption-unknown-field", "caption: '\\input{/etc/passwd}'\n", "error", "unknown field")
opt("caption-markup", "caption: '<script>{name}</script>'\n", "ok")
opt("caption-huge-field", "caption: '" + "{name}" * 5000 + "'\n", "ok")
opt("logo-traversal", "logo_groups:\n  - {file: ../../../../etc/passwd, layers: [Dense]}\n",
    "error", "logo")
opt("logo-missing", "logo_groups:\n  - {file: nothere.png, layers: [Dense]}\n", "error", "")
opt("face-image-not-image", "styles:\n  Dense: {image: /etc/hostname}\n", "error", "")

# --- Output paths ---------------------------------------------------------------------------
case("output-missing-folder", {"model.json": VALID}, "error", "does not exist",
     output="@missing-folder")
case("output-directory", {"model.json": VALID}, "error", "is a directory", output="@directory")
case("output-symlink", {"model.json": VALID}, "error", "symbolic link", output="@symlink")
case("output-is-input", {"model.json": VALID}, "error", "is also an input", output="@input")
case("output-is-options", {"model.json": VALID, "opts.svg": "padding: 3\n"}, "error",
     "is also an input", options="opts.svg", output="@options")
case("output-kept-on-model-error", {"model.json": VALID[:40]}, "error", "invalid JSON",
     output="@existing")
case("output-kept-on-option-error", {"model.json": VALID, "fig.yaml": "padding: x\n"}, "error",
     "padding", options="fig.yaml", output="@existing")
case("output-replaces-existing", {"model.json": VALID}, "ok", output="@existing")
case("output-png", {"model.json": VALID}, "ok", output="out.png")
case("output-pdf", {"model.json": VALID}, "ok", output="out.pdf")
# Too large for a PNG at 96 dpi: drawn at a lower resolution, with a warning.
case("output-png-too-large", {"model.json": VALID, "fig.yaml": "padding: 40000\n"}, "ok",
     "", options="fig.yaml", output="out.png")
case("output-readonly-folder", {"model.json": VALID}, "error", "", output="@readonly-folder")
case("input-missing", {}, "error", "cannot open", model="@missing")
case("input-directory", {}, "error", "directory", model="@directory")
case("input-devzero", {}, "error", "not a regular file", model="@devzero")

# --- Formats whose importers are still being written: the outcome they must give ------------
def zip_bytes(members, compress=zipfile.ZIP_DEFLATED):
    import io
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compress) as z:
        for name, data in members:
            z.writestr(name, data)
    return buffer.getvalue()


config = VALID
meta = dumps({"keras_version": "3.1.0", "date_saved": "2024-01-01"})
case("keras-valid", {"model.keras": zip_bytes([("metadata.json", meta),
     ("config.json", config)])}, "ok", model="model.keras")
case("keras-traversal", {"model.keras": zip_bytes([("../../config.json", config),
     ("metadata.json", meta)])}, "error", "no config.json", model="model.keras")
case("keras-absolute-member", {"model.keras": zip_bytes([("/etc/config.json", config)])},
     "error", "no config.json", model="model.keras")
case("keras-zip-bomb", {"model.keras": zip_bytes([("metadata.json", meta),
     ("config.json", b"{" + b" " * (64 << 20) + b"}")])}, "error", "decompresses to more than 64 MiB",
     model="model.keras", max_mib=192)
case("keras-no-config", {"model.keras": zip_bytes([("metadata.json", meta)])}, "error",
     "config.json", model="model.keras")
case("keras-config-garbage", {"model.keras": zip_bytes([("config.json", b"\x00\xff" * 50)])},
     "error", "config.json:1:1: invalid JSON", model="model.keras")
case("keras-truncated", {"model.keras": zip_bytes([("config.json", config)])[:60]}, "error",
     "not a readable .keras archive", model="model.keras")
case("keras-duplicate-members", {"model.keras": zip_bytes([("config.json", config),
     ("config.json", "{}")])}, "error", "holds config.json twice", model="model.keras")
case("keras-deep-config", {"model.keras": zip_bytes([("config.json", "[" * 100000)])},
     "error", "nested deeper than", model="model.keras")
stored = zip_bytes([("config.json", config)], zipfile.ZIP_STORED)
lying = bytearray(stored)
at = lying.find(b"PK\x01\x02")  # central directory: claim a 4 GiB uncompressed size
if at > 0:
    lying[at + 24:at + 28] = struct.pack("<I", 0xFFFFFFFF)
case("keras-lying-size", {"model.keras": bytes(lying)}, "error", "not a readable .keras archive",
     model="model.keras")

hdf5_magic = b"\x89HDF\r\n\x1a\n"
case("h5-magic-only", {"model.h5": hdf5_magic}, "error", "not a readable HDF5 file",
     model="model.h5")
case("h5-garbage", {"model.h5": hdf5_magic + bytes(rng.randrange(256) for _ in range(4000))},
     "error", "not a readable HDF5 file", model="model.h5")
if CORPUS:
    hostile = os.path.join(CORPUS, "hostile")
    for name in ("hdf5-crashes-libhdf5-in-H5Aexists.h5", "hdf5-seed-model_config.h5"):
        path = os.path.join(hostile, name)
        if os.path.exists(path):
            data = open(path, "rb").read()
            # The crasher ends libhdf5's child (malformed HDF5 file), or libhdf5 hands back an
            # attribute of whatever lay beyond its buffer, refused for what it holds: which one
            # depends on the heap, so only the one clean line naming the file is certain.
            case(f"h5-corpus-{name[:-3]}", {"model.h5": data}, "error",
                 "model_config" if "seed" in name else "model.h5:", model="model.h5")
            for i, cut in enumerate((100, 512, 1024, 2000)):
                case(f"h5-truncated-{name[5:12]}-{i}", {"model.h5": data[:cut]}, "error",
                     "not a readable HDF5 file", model="model.h5")
            flipped = bytearray(data)
            for i in range(0, len(flipped), 97):
                flipped[i] ^= 0x5A
            # The flips break the HDF5 signature too.
            case(f"h5-flipped-{name[5:12]}", {"model.h5": bytes(flipped)}, "error",
                 "unsupported model format", model="model.h5")


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(number, wire, payload):
    key = varint((number << 3) | wire)
    if wire == 0:
        return key + varint(payload)
    return key + varint(len(payload)) + payload


def s(number, text):
    return field(number, 2, text.encode() if isinstance(text, str) else text)


def onnx_model(nodes, initializers, inputs, outputs):
    graph = b"".join(s(1, n) for n in nodes) + s(2, "g")
    graph += b"".join(s(5, t) for t in initializers)
    graph += b"".join(s(11, v) for v in inputs) + b"".join(s(12, v) for v in outputs)
    opset = s(1, "") + field(2, 0, 13)
    return field(1, 0, 8) + s(7, graph) + s(8, opset)


def tensor(name, dims, location=None):
    t = b"".join(field(1, 0, d) for d in dims) + field(2, 0, 1) + s(8, name)
    if location:
        t += s(13, s(1, "location") + s(2, location)) + field(14, 0, 1)  # data_location = EXTERNAL
    return t


def value_info(name, dims):
    shape = b"".join(s(1, field(1, 0, d)) for d in dims)
    return s(1, name) + s(2, s(1, field(1, 0, 1) + s(2, shape)))


conv_node = s(1, "x") + s(1, "w") + s(2, "y") + s(3, "conv") + s(4, "Conv")
case("onnx-external-outside", {"model.onnx": onnx_model([conv_node],
     [tensor("w", [8, 3, 3, 3], "../../../../etc/passwd")], [value_info("x", [1, 3, 32, 32])],
     [value_info("y", [])])}, "ok", model="model.onnx")
case("onnx-external-absolute", {"model.onnx": onnx_model([conv_node],
     [tensor("w", [8, 3, 3, 3], "/etc/shadow")], [value_info("x", [1, 3, 32, 32])],
     [value_info("y", [])])}, "ok", model="model.onnx")
case("onnx-rank0-conv-weight", {"model.onnx": onnx_model([conv_node], [tensor("w", [])],
     [value_info("x", [1, 3, 32, 32])], [value_info("y", [])])}, "ok", model="model.onnx")
case("onnx-truncated", {"model.onnx": onnx_model([conv_node], [tensor("w", [8, 3, 3, 3])],
     [value_info("x", [1, 3, 32, 32])], [value_info("y", [])])[:30]}, "error", "ONNX",
     model="model.onnx")
case("onnx-garbage", {"model.onnx": b"\x08\x07\x3a" + bytes(rng.randrange(256)
     for _ in range(3000))}, "error", "ONNX", model="model.onnx")
case("onnx-huge-dims", {"model.onnx": onnx_model([conv_node], [tensor("w", [1 << 62, 3, 3, 3])],
     [value_info("x", [1, 3, 32, 32])], [value_info("y", [])])}, "error",
     "more elements than a tensor can hold", model="model.onnx")
cyc_a = s(1, "b") + s(2, "a") + s(3, "n1") + s(4, "Relu")
cyc_b = s(1, "a") + s(2, "b") + s(3, "n2") + s(4, "Relu")
# No node of the cycle can be reached from a graph input.
case("onnx-cycle", {"model.onnx": onnx_model([cyc_a, cyc_b], [], [], [value_info("b", [1])])},
     "error", "nothing to draw", model="model.onnx")
case("onnx-dangling", {"model.onnx": onnx_model([s(1, "ghost") + s(2, "y") + s(4, "Relu")], [],
     [], [value_info("y", [1])])}, "error", "nothing to draw", model="model.onnx")

spec_ok = ("strata: 1\nlayers:\n  - {type: InputLayer, shape: [null, 32, 32, 3], name: in}\n"
           "  - {type: Dense, config: {units: 4}}\n")
case("spec-valid", {"model.yaml": spec_ok}, "ok", model="model.yaml")
case("spec-alias-bomb", {"model.yaml": bomb}, "error", "more than 1000000 nodes", model="model.yaml")
case("spec-cycle", {"model.yaml": "layers: &l [*l]\n"}, "error", "cycle", model="model.yaml")
case("spec-deep", {"model.yaml": "layers: " + "[" * 100000}, "error", "nested deeper than 128 levels",
     model="model.yaml")
case("spec-garbage", {"model.yaml": "layers: {type: [1, 2, 3], units: .nan}\n"}, "error",
     "starts with 'strata: 1'", model="model.yaml")

# --- Model files are data: no output path, no file outside the model's folder ---------------
def spec_with(options, layer_style=""):
    return ("strata: 1\noptions:\n" + "".join(f"  {line}\n" for line in options) +
            "layers:\n  - {type: InputLayer, shape: [null, 8, 8, 3], name: in}\n"
            "  - {type: Dense, name: fc, config: {units: 4}" +
            (f", style: {layer_style}" if layer_style else "") + "}\n")


OUTSIDE = "outside the model file's folder"
for cid, options, style in [
        ("spec-picture-absolute", ["styles: {Dense: {image: /etc/hostname}}"], ""),
        ("spec-picture-climbs-out", ["styles: {Dense: {image: ../../../../etc/passwd}}"], ""),
        ("spec-picture-climbs-back", ["styles: {Dense: {image: a/../../x.png}}"], ""),
        ("spec-layer-picture-absolute", [], "{image: /etc/hostname}"),
        ("spec-logo-absolute", ["logo_groups: [{file: /etc/hostname, layers: [Dense]}]"], ""),
        ("spec-logo-climbs-out", ["logo_groups: [{file: ../logo.png, layers: [Dense]}]"], ""),
        ("spec-font-file-absolute", ["font: /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
         ""),
        ("spec-style-font-climbs-out", ["styles: {Dense: {font: ../fonts/x.ttf}}"], ""),
        ("spec-group-font-absolute",
         ["layered_groups: [{name: g, layers: [fc], font: /etc/fonts/x.ttf}]"], "")]:
    case(cid, {"model.yaml": spec_with(options, style)}, "error", OUTSIDE, model="model.yaml")
case("spec-picture-nul", {"model.yaml": spec_with(['styles: {Dense: {image: "a\\0b.png"}}'])},
     "error", "NUL", model="model.yaml")
# Ignored with a warning: the output is the one on the command line.
case("spec-to-file", {"model.yaml": spec_with(["to_file: ../../../victim.svg"])}, "ok",
     model="model.yaml")
# --- Numbers no model can have, and untrusted text in messages -------------------------------
def int64_tensor(name, values, dims=None):
    packed = b"".join(varint(v & 0xFFFFFFFFFFFFFFFF) for v in values)
    dims = [len(values)] if dims is None else dims
    return b"".join(field(1, 0, d) for d in dims) + field(2, 0, 7) + s(7, packed) + s(8, name)


def ints_attribute(name, values):
    return s(1, name) + b"".join(field(8, 0, v & 0xFFFFFFFFFFFFFFFF) for v in values) + \
        field(20, 0, 7)


def op(op_type, inputs, output, name, attributes=()):
    return (b"".join(s(1, i) for i in inputs) + s(2, output) + s(3, name) + s(4, op_type) +
            b"".join(s(5, a) for a in attributes))


image_input = [value_info("x", [1, 3, 32, 32])]
case("onnx-maxpool-kernel-0", {"model.onnx": onnx_model([op("MaxPool", ["x"], "y", "pool",
     [ints_attribute("kernel_shape", [0, 0])])], [], image_input, [value_info("y", [])])},
     "error", "node 'pool' (MaxPool): kernel_shape holds 0", model="model.onnx")
case("onnx-conv-strides-0", {"model.onnx": onnx_model([conv_node + s(5, ints_attribute("strides",
     [0, 0]))], [tensor("w", [8, 3, 3, 3])], image_input, [value_info("y", [])])}, "error",
     "node 'conv' (Conv): strides holds 0", model="model.onnx")
case("onnx-flatten-overflow", {"model.onnx": onnx_model([op("Flatten", ["x"], "y", "flat")], [],
     [value_info("x", [1, 1 << 40, 1 << 40, 1 << 40])], [value_info("y", [])])}, "error",
     "more elements than a tensor can hold", model="model.onnx")
case("onnx-reshape-changes-count", {"model.onnx": onnx_model([op("Reshape", ["x", "shape"], "y",
     "reshape")], [int64_tensor("shape", [1 << 31, 1 << 31])], image_input,
     [value_info("y", [])])}, "error", "node 'reshape' (Reshape): turns 3072 elements",
     model="model.onnx")
case("onnx-range-int64-span", {"model.onnx": onnx_model([op("Range", ["a", "b", "c"], "y",
     "range")], [int64_tensor("a", [-(1 << 63)], []), int64_tensor("b", [(1 << 63) - 1], []),
     int64_tensor("c", [1], [])], [], [value_info("y", [])])}, "error",
     "node 'range' (Range): a Range from", model="model.onnx")
case("spec-number-out-of-range", {"model.yaml": "strata: 1\nlayers:\n  - {type: InputLayer, "
     "shape: [null, 4]}\n  - {type: Dense, config: {units: 4, dropout: 1e400}}\n"}, "error",
     "model.yaml:4:", model="model.yaml")
case("options-index-past-any-model", {"model.json": VALID, "options.yaml": "index_2D: "
     "[4294967296]\n"}, "error", "expected a layer index from 0 to 19999", options="options.yaml")
# (under the JSON string limit, so the name reaches the reader and its message)
case("json-class-name-bidi-huge", {"model.json": '{"class_name": "Evil\u202eexe.txt' +
     "x" * 900000 + '", "config": {}}'}, "error", "Evil<U+202E>exe.txt")
# --- Bounds: wide layouts and big inputs, each with the peak memory it may take ---------------
# 19 000 branches into one Concatenate (the lanes were cubic: minutes), and out of one layer.
case("bounds-fan-in-19000", {"model.json": dumps(wide(19000, True))}, "ok", max_mib=256)
case("bounds-fan-out-19000", {"model.json": dumps(wide(19000, False))}, "ok", max_mib=192)
# 2 250 skips that all overlap, fitted to a width (28 trial layouts): their levels were cubic.
def overlapping_skips(count, reach):
    layers = [node("in", "InputLayer", {"batch_input_shape": [None, 8]}, [])]
    prev = "in"
    for i in range(count):
        skip = i >= reach and i % 2 == 0
        layers.append(node(f"l{i}", "Add" if skip else "Dense", {} if skip else {"units": 8},
                           [prev, f"l{i - reach + 1}"] if skip else [prev]))
        prev = f"l{i}"
    return dumps(functional(layers, [["in", 0, 0]], [[prev, 0, 0]]))


case("bounds-overlapping-skips", {"model.json": overlapping_skips(9000, 4501),
     "fig.yaml": "width: 17cm\n"}, "ok", options="fig.yaml", max_mib=192)
# ONNX: refused on the protobuf wire, before the graph is parsed.
matmuls = b"".join(s(1, s(1, f"t{i}") + s(1, "w") + s(2, f"t{i + 1}") + s(3, f"m{i}") +
                        s(4, "MatMul")) for i in range(100000))
chain_graph = (matmuls + s(5, tensor("w", [4, 4])) + s(11, value_info("t0", [1, 4])) +
               s(12, value_info("t100000", [1, 4])))
case("bounds-onnx-matmul-chain", {"model.onnx": field(1, 0, 8) + s(7, chain_graph) +
     s(8, s(1, "") + field(2, 0, 13))}, "error", "more than 50000 nodes", model="model.onnx", max_mib=64)
case("bounds-onnx-empty-nodes", {"model.onnx": field(1, 0, 8) + s(7, b"\x0a\x00" * 10000000)},
     "error", "more than 50000 nodes", model="model.onnx", max_mib=64)
case("bounds-onnx-input-rank", {"model.onnx": onnx_model([], [], [value_info("x", [1] * 5000000)],
     [value_info("x", [1])])}, "error", "more than 32 dimensions", model="model.onnx", max_mib=96)
# JSON: values are counted before the tree is built; at the limit the tree stays bounded.
junk_head = '{"class_name": "Sequential", "config": {"name": "s", "layers": [], "junk": ['
case("bounds-json-junk", {"model.json": junk_head + ",".join(["0"] * 15000000) + "]}}"}, "error",
     "more than 4000000 values", max_mib=96)
case("bounds-json-values-at-limit", {"model.json": junk_head + ",".join(["0"] * 3999000) + "]}}"},
     "error", "no layer", max_mib=224)
# .keras: entries counted from the directory's end record; members share a decompressed budget.
case("bounds-keras-entries", {"model.keras": zip_bytes([("config.json", config)] +
     [(f"w/{i}", b"") for i in range(10001)], zipfile.ZIP_STORED)}, "error", "more than 10000",
     model="model.keras", max_mib=64)
case("bounds-keras-total-bytes", {"model.keras": zip_bytes([
     ("config.json", b"{" + b" " * (60 << 20) + b"}"), ("metadata.json", b" " * (30 << 20))])},
     "error", "more than 80 MiB together", model="model.keras", max_mib=192)

# --- model-named files: a model's bare font name is a family, its paths stay in its folder ---
# The runner's working directory (where ctest runs it) holds CTestTestfile.cmake: a model's
# font of that name is still only a family, never a file of the working directory. Captions
# are on, so that every font is looked up.
for cid, options, message in [
        ("model-font-bare-name-is-a-family", ["font: CTestTestfile.cmake"],
         "fontconfig has no such family"),
        ("model-style-font-bare-name", ["styles: {Dense: {font: CTestTestfile.cmake}}"],
         "fontconfig has no such family"),
        ("model-group-font-bare-name",
         ["layered_groups: [{name: g, layers: [fc], font: CTestTestfile.cmake}]"],
         "fontconfig has no such family"),
        ("model-font-dot-climbs-out", ["font: ./../../x.ttf"], OUTSIDE),
        ("model-font-is-the-model", ["font: ./model.yaml"], "cannot read font file"),
        ("model-font-folder", ["font: ./"], "is a directory"),
        ("model-picture-folder", ["styles: {Dense: {image: ./}}"], "is a directory")]:
    case(cid, {"model.yaml": spec_with(["text_callable: name"] + options)}, "error", message,
         model="model.yaml")
# ---- graph items, names, groups ----
# ONNX: every declared tensor and every field (a field protobuf does not know is kept too) is
# counted on the wire, before the graph is parsed.
relu_node = s(1, "x") + s(2, "y") + s(3, "r") + s(4, "Relu")
def many_inputs(count):
    return onnx_model([relu_node], [], [value_info("x", [1, 4])] +
                      [value_info(f"i{k}", [1]) for k in range(count)], [value_info("y", [])])


case("bounds2-onnx-graph-inputs", {"model.onnx": many_inputs(400000)}, "error",
     "declares more than 100000 graph inputs", model="model.onnx", max_mib=64)
# Each input that no initializer gives is a box: too many are refused before parsing too.
case("bounds2-onnx-input-layers", {"model.onnx": many_inputs(30000)}, "error",
     "inputs and 0 initializers", model="model.onnx", max_mib=64)
case("bounds2-onnx-value-info", {"model.onnx": field(1, 0, 8) + s(7, s(1, relu_node) +
     b"".join(s(13, value_info(f"v{k}", [1, 4])) for k in range(100001)) +
     s(11, value_info("x", [1, 4])) + s(12, value_info("y", []))) + s(8, s(1, "") + field(2, 0, 13))},
     "error", "declares more than 100000 value_info entries", model="model.onnx", max_mib=64)
case("bounds2-onnx-unknown-fields", {"model.onnx": field(1, 0, 8) + s(7, s(1, relu_node) +
     field(100, 0, 0) * 3000000 + s(11, value_info("x", [1, 4])) + s(12, value_info("y", []))) +
     s(8, s(1, "") + field(2, 0, 13))}, "error", "more than 2000000 protobuf fields", model="model.onnx",
     max_mib=64)
# Spec layers without names are named dense, dense_1, ... in linear time (it was quadratic).
case("bounds2-spec-unnamed-layers", {"model.yaml": "strata: 1\nlayers:\n"
     "  - {type: InputLayer, shape: [null, 8], name: in}\n" +
     "  - {type: Dense, config: {units: 4}}\n" * 12000}, "ok", model="model.yaml", max_mib=160)


# Layer groups cost their members, not members times boxes.
def grouped_spec(layers, groups, size, step, width=""):
    text = "strata: 1\nlayers:\n  - {type: InputLayer, shape: [null, 8], name: l0}\n"
    text += "".join(f"  - {{type: Dense, name: l{k}, config: {{units: {4 + k % 3}}}}}\n"
                    for k in range(1, layers))
    text += "options:\n  collapse: none\n" + (f"  width: {width}\n" if width else "")
    text += "  layered_groups:\n"
    for g in range(groups):
        first = (g * step) % (layers - size + 1)
        text += "    - {layers: [" + ", ".join(f"l{first + j}" for j in range(size)) + "]}\n"
    return text


case("bounds2-groups-pairs-width", {"model.yaml": grouped_spec(12000, 11998, 2, 1, "17cm")},
     "ok", model="model.yaml", max_mib=256)
case("bounds2-groups-overlapping", {"model.yaml": grouped_spec(10000, 1500, 250, 7)}, "ok",
     model="model.yaml", max_mib=320)
# A group from the first layer to the last has a rectangle in every row: their number is bounded.
case("bounds2-groups-every-row", {"model.yaml": grouped_spec(10000, 0, 2, 1, "17cm") +
     "    - {layers: [l0, l9999]}\n" * 1000}, "error", "more than 40000 rectangles", model="model.yaml",
     max_mib=192)
# JSON strings are measured before the JSON library copies them.
case("bounds2-json-long-string", {"model.json": '"' + "a" * (80 << 20) + '"'}, "error",
     "a string longer than 64 MiB", max_mib=192)
case("bounds2-json-long-name", {"model.json": dumps(seq([dense("d" * (2 << 20))]))}, "error",
     "a JSON string longer than 1 MiB", max_mib=96)
# YAML: the nodes yaml-cpp would build are counted on the parser's events.
case("bounds2-yaml-flow-list", {"model.json": VALID,
     "fig.yaml": "captions: [" + ",".join(["0"] * 990000) + "]\n"}, "error",
     "the YAML holds more than 200000 nodes", options="fig.yaml", max_mib=96)
case("bounds2-spec-flow-list", {"model.yaml": "strata: 1\nlayers: []\njunk: [" +
     ",".join(["0"] * 990000) + "]\n"}, "error", "the YAML holds more than 800000 nodes", model="model.yaml",
     max_mib=96)

# --- Messages: every quoted name is cut at 200 characters, every error has a place ----------
LONG = "n" * 300 + "END"
case("messages-undefined-layer-long-name", {"model.json": dumps(functional(
     [node("d", "Dense", {"units": 2}, [LONG])], [], [["d", 0, 0]]))}, "error",
     "n" * 200 + "\u2026' is referenced but never defined")
case("messages-keras-model-name-over-limit", {"model.json": dumps(seq(
     [with_input(dense("d"), [None, 2])], name="m" * 4097))}, "error",
     "model.json:1:49: config.name: name longer than 4096 bytes")
case("messages-spec-model-name-over-limit", {"model.yaml": "strata: 1\nmodel: " + "m" * 4097 +
     "\nlayers:\n  - {type: InputLayer, shape: [null, 3]}\n"}, "error",
     "model.yaml:2:8: model: longer than 4096 bytes", model="model.yaml")
case("messages-spec-duplicate-long-name", {"model.yaml": "strata: 1\nlayers:\n  - {name: " + LONG +
     ", type: InputLayer, shape: [null, 3]}\n  - {name: " + LONG + ", type: Dense, config: "
     "{units: 2}}\n"}, "error", "a layer named '" + "n" * 200 + "\u2026' is already defined",
     model="model.yaml")
# A key from the file names the place of a message: it is cut like a quoted name.
case("messages-keras-long-key-in-place", {"model.json": dumps(functional(
     [node("in", "InputLayer", {"batch_input_shape": [None, 2]}, [])], [["in", 0, 0]],
     {"k" * 300 + "END": 5}))}, "error",
     "config.output_layers." + "k" * 200 + "\u2026: expected a list of [name, node, tensor]")
case("messages-spec-long-picture-path", {"model.yaml": spec_with(
     ["styles: {Dense: {image: /" + "p" * 300 + ".png}}"])}, "error",
     "'/" + "p" * 199 + "\u2026' is " + OUTSIDE, model="model.yaml")
for cid, text, found in [("inf", ".inf", "an infinite number"),
                         ("minus-inf", "-.inf", "a negative infinite number"),
                         ("nan", ".nan", "NaN (not a number)"),
                         ("huge", "9" * 30, "a number larger than 1099511627776")]:
    case(f"messages-spec-dimension-{cid}", {"model.yaml": "strata: 1\nlayers:\n  - {type: "
         f"InputLayer, shape: [null, {text}]}}\n"}, "error", "shape[1]: expected a dimension "
         "(an integer from 0 to 1099511627776, -1 or null), found " + found,
         model="model.yaml")

# shape arithmetic
# ONNX's own inference sums Concat lengths in 32 bits and multiplies Pad, Tile and ConvTranspose
# sizes unchecked: strata recomputes those shapes in 64 bits and refuses a dimension above 2^40.
def int_attribute(name, value):
    return s(1, name) + field(3, 0, value & 0xFFFFFFFFFFFFFFFF) + field(20, 0, 2)


def concat_of(size, times=2):
    return onnx_model([op("Concat", ["x"] * times, "y", "c", [int_attribute("axis", 0)])], [],
                      [value_info("x", [size])], [value_info("y", [])])


case("shapes-onnx-concat-2to30", {"model.onnx": concat_of(1 << 30)}, "ok", model="model.onnx")
case("shapes-onnx-concat-2to40", {"model.onnx": concat_of(1 << 40)}, "error",
     "node 'c' (Concat): an output dimension exceeds 2^40", model="model.onnx")
case("shapes-onnx-concat-three-2to31", {"model.onnx": concat_of(1 << 31, 3)}, "ok",
     model="model.onnx")
case("shapes-onnx-pad-2to40", {"model.onnx": onnx_model([op("Pad", ["x", "pads"], "y", "pad")],
     [int64_tensor("pads", [1 << 40, 0])], [value_info("x", [4])], [value_info("y", [])])},
     "error", "node 'pad' (Pad): an output dimension exceeds 2^40", model="model.onnx")
case("shapes-onnx-pad-wraps", {"model.onnx": onnx_model([op("Pad", ["x", "pads"], "y", "pad")],
     [int64_tensor("pads", [(1 << 63) - 1, 2])], [value_info("x", [4])], [value_info("y", [])])},
     "error", "node 'pad' (Pad): an output dimension exceeds 2^40", model="model.onnx")
case("shapes-onnx-tile", {"model.onnx": onnx_model([op("Tile", ["x", "repeats"], "y", "tile")],
     [int64_tensor("repeats", [1 << 10])], [value_info("x", [1 << 35])], [value_info("y", [])])},
     "error", "node 'tile' (Tile): an output dimension exceeds 2^40", model="model.onnx")
case("shapes-onnx-conv-transpose-stride", {"model.onnx": onnx_model([op("ConvTranspose",
     ["x", "w"], "y", "up", [ints_attribute("strides", [1 << 30])])], [tensor("w", [3, 2, 1])],
     [value_info("x", [1, 3, 1 << 20])], [value_info("y", [])])}, "error",
     "node 'up' (ConvTranspose): an output dimension exceeds 2^40", model="model.onnx")
case("shapes-onnx-expand", {"model.onnx": onnx_model([op("Expand", ["x", "shape"], "y", "grow")],
     [int64_tensor("shape", [1 << 41])], [value_info("x", [1])], [value_info("y", [])])}, "error",
     "node 'grow' (Expand): output 'y' gets the dimension 2199023255552, more than 2^40",
     model="model.onnx")
case("shapes-onnx-reshape-flat", {"model.onnx": onnx_model([op("Reshape", ["x", "shape"], "y",
     "flat")], [int64_tensor("shape", [-1])], [value_info("x", [1 << 21, 1 << 20])],
     [value_info("y", [])])}, "error", "node 'flat' (Reshape): an output dimension exceeds 2^40",
     model="model.onnx")
case("shapes-onnx-flatten", {"model.onnx": onnx_model([op("Flatten", ["x"], "y", "flat",
     [int_attribute("axis", 0)])], [], [value_info("x", [1 << 21, 1 << 20])],
     [value_info("y", [])])}, "error", "node 'flat' (Flatten): an output dimension exceeds 2^40",
     model="model.onnx")
# pictures once per figure
import zlib


def picture_png(width, height, extra=b""):
    """An opaque one-colour PNG (tiny once compressed); `extra` is a private chunk's data."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    row = b"\0" + b"\xc8\x1e\x1e" * width
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
            0, 0, 0)) + (chunk(b"prIv", extra) if extra else b"") + chunk(b"IDAT", data) +
            chunk(b"IEND", b""))


def convs(count):  # `count` distinct Conv2D layers, each drawn as its own box
    return dumps(seq([with_input(conv("c0", filters=4, padding="same"), [None, 32, 32, 3])] +
                     [conv(f"c{i}", filters=4 + i, padding="same") for i in range(1, count)]))


LARGE_PICTURE = picture_png(2000, 2000)  # 4 Mpx, 16 MiB decoded
for output in ("svg", "png", "pdf", "tex"):
    # Decoded, embedded and included once, not once per layer.
    case(f"pictures-one-picture-every-layer-{output}", {"model.json": convs(60),
         "big.png": LARGE_PICTURE, "fig.yaml": "styles: {Conv2D: {image: big.png}}\n"}, "ok",
         options="fig.yaml", output="out." + output, max_mib=128)
case("pictures-logo-every-layer-png", {"model.json": convs(60), "big.png": LARGE_PICTURE,
     "fig.yaml": "logo_groups: [{file: big.png, layers: [Conv2D]}]\n"}, "ok",
     options="fig.yaml", output="out.png", max_mib=128)
# Three distinct pictures of 25 Mpx each: more than 64 Mpx together, refused before decoding.
case("pictures-decoded-pixels", {"model.json": convs(3), **{
     f"p{i}.png": picture_png(5000, 5000) for i in range(3)}, "fig.yaml":
     "styles: {c0: {image: p0.png}, c1: {image: p1.png}, c2: {image: p2.png}}\n"}, "error",
     "fig.yaml:1:64: styles.c2.image: image 'p2.png': with this picture the figure's pictures "
     "would hold 75000000 pixels; at most 67108864 are allowed together", options="fig.yaml", output="out.png", max_mib=64)
# Five files of 13 MiB each (a large private chunk): more than 64 MiB together.
case("pictures-file-bytes", {"model.json": convs(5), **{
     f"p{i}.png": picture_png(4, 4, bytes(13 << 20)) for i in range(5)}, "fig.yaml":
     "styles: {" + ", ".join(f"c{i}: {{image: p{i}.png}}" for i in range(5)) + "}\n"}, "error",
     "fig.yaml:1:106: styles.c4.image: image 'p4.png': with this picture the figure's pictures "
     "would take 66 MiB of files; at most 64 MiB are allowed together", options="fig.yaml", output="out.svg", max_mib=192)
# A 4096 x 4096 picture on 70 layers: over 10^9 picture pixels to paint, refused at once.
case("pictures-painted-pixels", {"model.json": convs(70), "big.png": picture_png(4096, 4096),
     "fig.yaml": "styles: {Conv2D: {image: big.png}}\n"}, "error",
     "are allowed (place fewer or smaller pictures, or lower the dpi or scale)",
     options="fig.yaml", output="out.png", max_mib=64)
# SVG pictures with active content are drawn without it (test_hostile's text safety checks
# what the SVG output holds); entities are refused.
ACTIVE_SVG = ("<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' "
              "width='10' height='10' onload='alert(1)'><script>alert(2)</script>"
              "<foreignObject><iframe xmlns='http://www.w3.org/1999/xhtml' src='http://x/'/>"
              "</foreignObject><a href='javascript:alert(3)'><rect width='5' height='5'/></a>"
              "<use xlink:href='http://x/y.svg#z'/></svg>")
case("pictures-svg-active-content", {"model.json": convs(2), "logo.svg": ACTIVE_SVG,
     "fig.yaml": "styles: {Conv2D: {image: logo.svg}}\n"}, "ok", options="fig.yaml")
case("pictures-svg-entities", {"model.json": convs(2), "logo.svg":
     "<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>" + ACTIVE_SVG, "fig.yaml":
     "styles: {Conv2D: {image: logo.svg}}\n"}, "error",
     "SVG picture declares entities in its DOCTYPE", options="fig.yaml")
# caption and message bounds
# A caption template is filled once per layer: repeated fields over long layer names must fail
# while the caption grows, never after gigabytes were built; and all the text of one figure
# together is bounded, whatever makes it.
def long_named(count, length=4000):
    # Dense layers of distinct units: no ×N repeat folds them into one box.
    return seq([with_input(dense("n0_" + "x" * length, units=1), [None, 8])] +
               [dense(f"n{i}_" + "x" * length, units=i + 1) for i in range(1, count)])


case("text-bounds-template-amplified", {"model.json": dumps(long_named(50)),
     "fig.yaml": 'caption: "' + "{name}" * 20000 + '"\n'}, "error",
     "caption: a caption longer than 64 KiB after expanding its fields", options="fig.yaml",
     max_mib=64)
case("text-bounds-template-amplified-spec", {"model.yaml": "strata: 1\noptions:\n  caption: \"" +
     "{name}{type}" * 20000 + "\"\nlayers:\n  - {type: InputLayer, shape: [null, 8], name: " +
     "i" * 4000 + "}\n"}, "error",
     "model.yaml:3:12: caption: a caption longer than 64 KiB after expanding its fields",
     model="model.yaml", max_mib=64)
case("text-bounds-per-layer-amplified", {"model.yaml": "strata: 1\nlayers:\n" + "".join(
     f'  - {{type: InputLayer, shape: [null, 8], name: i{i}{"x" * 4000}, caption: "' +
     "{name}" * 20 + '"}\n' for i in range(20))}, "error",
     "model.yaml:3:%d: caption: a caption longer than 64 KiB after expanding its fields" %
     (len("  - {type: InputLayer, shape: [null, 8], name: i0, caption: ") + 4000 + 1),
     model="model.yaml", max_mib=64)
case("text-bounds-figure-text-over-limit", {"model.json": dumps(long_named(600)),
     "fig.yaml": "text_callable: name\n"}, "error",
     "model.json: the figure's text (captions, legend, group titles and labels together) is "
     "longer than 2 MiB", options="fig.yaml", max_mib=96)
case("text-bounds-figure-text-via-template", {"model.json": dumps(long_named(600)),
     "fig.yaml": 'caption: "{name}"\n'}, "error", "is longer than 2 MiB", options="fig.yaml",
     max_mib=96)

# An ONNX file that begins like a model but is not one says where reading stopped.
ONNX_CONV = onnx_model([conv_node], [tensor("w", [8, 3, 3, 3])],
                       [value_info("x", [1, 3, 32, 32])], [value_info("y", [])])
case("text-bounds-onnx-truncated-offset", {"model.onnx": ONNX_CONV[:30]}, "error",
     "model.onnx: not a valid ONNX model: the file ends inside the field at byte 2 (number 7): "
     "it declares 83 bytes, 26 remain", model="model.onnx")
case("text-bounds-onnx-wire-type", {"model.onnx": ONNX_CONV + b"\x0f"}, "error",
     "not a valid ONNX model: the field at byte " + str(len(ONNX_CONV)) + " (number 1) has "
     "wire type 7, which ONNX does not use", model="model.onnx")
case("text-bounds-onnx-local-function", {"model.onnx": ONNX_CONV + s(25, s(1, "my_block") +
     s(2, "local"))}, "error", "ONNX model-local functions are not supported: function "
     "'my_block'", model="model.onnx")

# --- Lines of text: empty caption lines cost no byte but a placed text run each ---------------
case("text-lines-empty-caption-lines", {"model.yaml": "strata: 1\nmodel: m\noptions: {caption: \"" +
     "\\n" * 32000 + "\", collapse: none}\nlayers:\n  - {name: i, type: InputLayer, shape: "
     "[null, 8]}\n" + "  - {type: Dense, config: {units: 4}}\n" * 62}, "error",
     "more than 100000 lines", model="model.yaml", max_mib=96)

# --- Numbers from untrusted ONNX models: inf, NaN, 0, negative, axes out of range ----------
# Each is an error naming the node or tensor and what was expected, where ONNX's inference
# passes the number on or leaves the shape silently unknown.
def signed_value_info(name, dims):  # dims may be negative (two's complement, as protobuf has it)
    shape = b"".join(s(1, field(1, 0, d & 0xFFFFFFFFFFFFFFFF)) for d in dims)
    return s(1, name) + s(2, s(1, field(1, 0, 1) + s(2, shape)))


def symbolic_value_info(name, dims):  # a str in dims is a dim_param
    shape = b"".join(s(1, s(2, d) if isinstance(d, str) else field(1, 0, d)) for d in dims)
    return s(1, name) + s(2, s(1, field(1, 0, 1) + s(2, shape)))


def float_tensor(name, values):
    packed = b"".join(struct.pack("<f", v) for v in values)
    return field(1, 0, len(values)) + field(2, 0, 1) + s(4, packed) + s(8, name)


def resize_by(scales=None, sizes=None):
    inputs = ["x", "", "scales"] if scales is not None else ["x", "", "", "sizes"]
    initializer = float_tensor("scales", scales) if scales is not None else \
        int64_tensor("sizes", sizes)
    return onnx_model([op("Resize", inputs, "y", "resize")], [initializer],
                      [value_info("x", [1, 3, 8, 8])], [value_info("y", [])])


INF, NAN = float("inf"), float("nan")
for cid, scale, text in [("inf", INF, "inf"), ("nan", NAN, "nan"), ("zero", 0.0, "0"),
                         ("negative", -2.0, "-2")]:
    case(f"numbers-onnx-resize-scales-{cid}", {"model.onnx": resize_by(scales=[1, 1, 2, scale])},
         "error", f"model.onnx: node 'resize' (Resize): scales[3] is {text}, expected a finite "
         "number above 0", model="model.onnx")
for cid, size in [("zero", 0), ("negative", -16)]:
    case(f"numbers-onnx-resize-sizes-{cid}", {"model.onnx": resize_by(sizes=[1, 3, 16, size])},
         "error", f"model.onnx: node 'resize' (Resize): sizes[3] is {size}, expected 1 or more",
         model="model.onnx")
case("numbers-onnx-resize-sound", {"model.onnx": resize_by(scales=[1, 1, 2, 0.5])}, "ok",
     model="model.onnx")
relu_xy = op("Relu", ["x"], "y", "relu")
case("numbers-onnx-input-negative-dim", {"model.onnx": onnx_model([relu_xy], [],
     [signed_value_info("x", [1, -5, 8])], [value_info("y", [])])}, "error",
     "model.onnx: graph input 'x': axis 1 has the dimension -5, expected 0 or more (or a "
     "symbolic dim_param)", model="model.onnx")
case("numbers-onnx-output-negative-dim", {"model.onnx": onnx_model([relu_xy], [],
     [value_info("x", [1, 8])], [signed_value_info("y", [1, -1])])}, "error",
     "model.onnx: graph output 'y': axis 1 has the dimension -1, expected 0 or more",
     model="model.onnx")
case("numbers-onnx-value-info-negative-dim", {"model.onnx": field(1, 0, 8) + s(7, s(1, relu_xy) +
     s(2, "g") + s(11, value_info("x", [1, 8])) + s(12, value_info("y", [])) +
     s(13, signed_value_info("y", [-(1 << 62)]))) + s(8, s(1, "") + field(2, 0, 13))}, "error",
     "model.onnx: value_info 'y': axis 0 has the dimension -4611686018427387904, expected 0 or "
     "more", model="model.onnx")
# An empty tensor is legal ONNX: drawn (at the smallest size, with a warning), as Keras does.
case("numbers-onnx-input-zero-dim", {"model.onnx": onnx_model([relu_xy], [],
     [value_info("x", [1, 0, 8])], [value_info("y", [])])}, "ok", model="model.onnx")
case("numbers-onnx-input-dim-param", {"model.onnx": onnx_model([relu_xy], [],
     [symbolic_value_info("x", ["batch", 3, "height", 8])], [value_info("y", [])])}, "ok",
     model="model.onnx")
case("numbers-onnx-concat-axis-out-of-range", {"model.onnx": onnx_model([op("Concat",
     ["x", "x"], "y", "cat", [int_attribute("axis", 4)])], [], [value_info("x", [1, 3, 8, 8])],
     [value_info("y", [])])}, "error", "model.onnx: node 'cat' (Concat): axis 4 is out of range "
     "for an input of rank 4 (expected -4 to 3)", model="model.onnx")
case("numbers-onnx-flatten-axis-out-of-range", {"model.onnx": onnx_model([op("Flatten", ["x"],
     "y", "flat", [int_attribute("axis", -(1 << 40))])], [], [value_info("x", [1, 3, 8, 8])],
     [value_info("y", [])])}, "error", "model.onnx: node 'flat' (Flatten): axis -1099511627776 "
     "is out of range for an input of rank 4 (expected -4 to 4)", model="model.onnx")
case("numbers-onnx-conv-group-0", {"model.onnx": onnx_model([conv_node + s(5, int_attribute(
     "group", 0))], [tensor("w", [8, 3, 3, 3])], image_input, [value_info("y", [])])}, "error",
     "model.onnx: node 'conv' (Conv): group holds 0, expected 1 or more", model="model.onnx")
case("numbers-onnx-conv-transpose-output-padding", {"model.onnx": onnx_model([op(
     "ConvTranspose", ["x", "w"], "y", "up", [ints_attribute("output_padding", [0, -3])])],
     [tensor("w", [3, 2, 3, 3])], image_input, [value_info("y", [])])}, "error",
     "model.onnx: node 'up' (ConvTranspose): output_padding holds -3, expected 0 or more",
     model="model.onnx")
# --- Similar blocks and expanded blocks: thousands of blocks fold, expand or are named wrong ----
def numbered_blocks(count, options):
    text = "strata: 1\nlayers:\n  - {type: InputLayer, shape: [null, 8], name: inp}\n"
    text += "".join(f"  - {{type: Dense, name: blk{i}_a, config: {{units: {8 + i}}}}}\n"
                    f"  - {{type: Dense, name: blk{i}_b, config: {{units: {8 + i}}}}}\n"
                    for i in range(1, count + 1))
    return text + "options:\n" + options


case("fold-similar-5000-blocks", {"model.yaml": numbered_blocks(
     5000, "  level: block\n  collapse: similar\n  width: 17cm\n")}, "ok", model="model.yaml",
     max_mib=192)
case("fold-expand-every-block", {"model.yaml": numbered_blocks(
     2000, "  level: block\n  collapse: none\n  expand: [" +
     ", ".join(f"blk{i}" for i in range(1, 2001)) + "]\n")}, "ok", model="model.yaml",
     max_mib=192)
case("fold-expand-long-unknown-name", {"model.yaml": numbered_blocks(
     5000, "  level: block\n  expand: [" + "x" * 4000 + "]\n")}, "error",
     "expand: no block or stage named 'xxxx", model="model.yaml", max_mib=192)
# --- Memory multipliers: long names on many layers, a picture in every reveal frame ----------
# Each layer name is copied into the drawing's ids, labels and titles (~50 bytes of memory a
# byte): the names of one model are bounded together (4 MiB), at import, in every format.
def long_named_spec(count, length=4000):
    return ("strata: 1\nlayers:\n  - {type: InputLayer, shape: [null, 8], name: i" +
            "x" * length + "}\n" + "".join(f"  - {{type: Dense, name: n{i}_{'x' * length}, "
                                           f"config: {{units: {i % 50 + 1}}}}}\n"
                                           for i in range(1, count)))


case("names-total-at-limit-spec", {"model.yaml": long_named_spec(1040)}, "ok",
     model="model.yaml", max_mib=256)
case("names-total-over-limit-spec", {"model.yaml": long_named_spec(1100)}, "error",
     "model.yaml:1050:5: the layer names together are longer than 4 MiB", model="model.yaml",
     max_mib=96)
case("names-total-over-limit-json", {"model.json": dumps(long_named(1100))}, "error",
     "the layer names together are longer than 4 MiB", max_mib=96)
# --frames writes one SVG per layer, each embedding every picture it shows: a 15 MiB picture on
# 100 layers would write 2 GiB. Refused before any frame is drawn (no frames folder is left);
# linked, the frames hold its path.
FRAMES_PICTURE = picture_png(4, 4, bytes(15 << 20))
case("frames-picture-in-every-frame", {"model.json": convs(100), "big.png": FRAMES_PICTURE,
     "fig.yaml": "styles: {Conv2D: {image: big.png}}\n"}, "error",
     "--frames: the frames would hold more than 512 MiB together: the picture",
     options="fig.yaml", output="@frames", max_mib=128)
case("frames-picture-linked", {"model.json": convs(100), "big.png": FRAMES_PICTURE,
     "fig.yaml": "styles: {Conv2D: {image: big.png}}\nlink_images: true\n"}, "ok",
     options="fig.yaml", output="@frames", max_mib=96)

# --- Impossible numbers in model files: each an error naming the node or layer ----------------
# A node's outputs are values that ONNX's checker and inference type one by one (a Split of
# 600 000 outputs took the isolated child 10 s and 1.6 GiB): the outputs, and the inputs, of
# all nodes are counted on the wire, before the model is parsed.
def split_of(outputs):
    return onnx_model([b"".join(s(2, f"y{k}") for k in range(outputs)) + s(3, "split") +
                       s(4, "Split") + s(1, "x")], [], [value_info("x", [outputs])],
                      [value_info("y0", [1])])


case("onnx-split-600000-outputs", {"model.onnx": split_of(600000)}, "error",
     "node 'split' (Split) has 600000 outputs: the nodes of the ONNX graph have more than "
     "100000 outputs together", model="model.onnx", max_mib=96)
case("onnx-split-1000-outputs", {"model.onnx": split_of(1000)}, "ok", model="model.onnx",
     max_mib=192)
case("onnx-concat-250000-inputs", {"model.onnx": onnx_model([op("Concat", ["x"] * 250000, "y",
     "concat", [int_attribute("axis", 0)])], [], [value_info("x", [1])], [value_info("y", [])])},
     "error", "node 'concat' (Concat) has 250000 inputs", model="model.onnx", max_mib=96)


def onnx_opset(model_bytes, version):  # onnx_model's opset_import (version 13) set to `version`
    old = s(8, s(1, "") + field(2, 0, 13))
    assert model_bytes.endswith(old)
    return model_bytes[:-len(old)] + s(8, s(1, "") + field(2, 0, version))


def resize_on_axes(axes, scales):
    return onnx_opset(onnx_model([op("Resize", ["x", "", "scales"], "y", "resize",
                      [ints_attribute("axes", axes)])], [float_tensor("scales", scales)],
                      [value_info("x", [1, 3, 8, 8])], [value_info("y", [])]), 18)


case("onnx-resize-axes-2to62", {"model.onnx": resize_on_axes([1 << 62], [2.0])}, "error",
     "node 'resize' (Resize): axes[0] holds 4611686018427387904, out of range for an input of "
     "rank 4 (expected -4 to 3)", model="model.onnx")
case("onnx-resize-axes-twice", {"model.onnx": resize_on_axes([2, -2], [2.0, 2.0])}, "error",
     "node 'resize' (Resize): axes[1] names axis 2 again", model="model.onnx")
case("onnx-resize-scale-1e-30", {"model.onnx": resize_by(scales=[1, 1, 1e-30, 1])}, "error",
     "node 'resize' (Resize): scales[2] is 1e-30: axis 2 of length 8 would have no elements",
     model="model.onnx")
case("onnx-conv-group-2-of-3-channels", {"model.onnx": onnx_model([conv_node + s(5,
     int_attribute("group", 2))], [tensor("w", [8, 1, 3, 3])], image_input,
     [value_info("y", [])])}, "error", "node 'conv' (Conv): group 2 does not divide the input's "
     "3 channels", model="model.onnx")
case("onnx-gather-axis-out-of-range", {"model.onnx": onnx_model([op("Gather", ["x", "i"], "y",
     "gather", [int_attribute("axis", -5)])], [int64_tensor("i", [0])], image_input,
     [value_info("y", [])])}, "error", "node 'gather' (Gather): axis -5 is out of range",
     model="model.onnx")
# Keras: -1 would read as null (the default), 0 leaves a step of nothing.
def pooling_with(**config):
    cfg = {"name": "p", "pool_size": [2, 2]}
    cfg.update(config)
    return dumps(seq([with_input(conv("c1"), [None, 32, 32, 3]),
                      {"class_name": "MaxPooling2D", "config": cfg}]))


case("keras-pool-strides-minus-1", {"model.json": pooling_with(strides=[-1, -1])}, "error",
     "model.json:1:311: config.layers[1].config.strides[0]: expected an integer of 1 or more (or "
     "null), found -1")
case("keras-pool-size-0", {"model.json": pooling_with(pool_size=0)}, "error",
     "config.layers[1].config.pool_size: expected an integer of 1 or more")
case("keras-conv-groups-0", {"model.json": dumps(seq([with_input(conv("c1", groups=0),
     [None, 32, 32, 3])]))}, "error", "layer 'c1' (Conv2D): 'groups' holds 0, expected 1 or more")
case("keras-conv-groups-not-dividing", {"model.json": dumps(seq([with_input(conv("c1", filters=4,
     groups=3), [None, 32, 32, 3])]))}, "error",
     "layer 'c1' (Conv2D): 'groups' holds 3, which does not divide the filters (4)")
# Values only their use shows wrong (names to expand, pictures read when placed) are errors at
# the line and column of the spec that gave them.
SPEC_LAYERS = ("layers:\n  - {type: InputLayer, shape: [null, 8, 8, 3], name: in}\n"
               "  - {type: Dense, name: fc, config: {units: 4}}\n")
case("places-expand-unknown-name", {"model.yaml": "strata: 1\noptions:\n  level: block\n"
     "  expand: [nosuchblock]\n" + SPEC_LAYERS}, "error",
     "model.yaml:4:11: expand: no block or stage named 'nosuchblock'", model="model.yaml")
case("places-picture-missing", {"model.yaml": "strata: 1\noptions:\n"
     "  styles: {Dense: {image: missing.png}}\n" + SPEC_LAYERS}, "error",
     "model.yaml:3:27: styles.Dense.image: image 'missing.png' not found", model="model.yaml")
case("places-logo-not-a-picture", {"model.yaml": "strata: 1\noptions:\n"
     "  logo_groups: [{file: logo.png, layers: [fc]}]\n" + SPEC_LAYERS, "logo.png": "text"},
     "error", "model.yaml:3:24: logo_groups[0].file: image 'logo.png': not a PNG, JPEG or SVG",
     model="model.yaml")
# An SVG picture whose xlink prefix is bound elsewhere, and one that binds xlink's namespace to
# another prefix: both are embedded well-formed, judged by namespace.
case("pictures-svg-xlink-prefix-rebound", {"model.json": convs(2), "logo.svg":
     "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://example.com/other' "
     "width='4' height='4'><rect id='r' width='4' height='4'/><use xlink:href='#r'/></svg>",
     "fig.yaml": "styles: {Conv2D: {image: logo.svg}}\n"}, "ok", options="fig.yaml")
case("pictures-svg-xlink-other-prefix", {"model.json": convs(2), "logo.svg":
     "<svg xmlns='http://www.w3.org/2000/svg' xmlns:q='http://www.w3.org/1999/xlink' "
     "width='4' height='4'><rect id='r' width='4' height='4'/><use q:href='#r'/>"
     "<use q:href='http://example.com/x.svg#a'/></svg>",
     "fig.yaml": "styles: {Conv2D: {image: logo.svg}}\n"}, "ok", options="fig.yaml")

# Wide fan-in fitted to a width: every trial size lays out every edge of the join, so a step
# that is quadratic in a join's inputs shows as minutes (it was: each edge scanned its lane).
def fan_in_joins(count, joins):
    layers = [node("in", "InputLayer", {"batch_input_shape": [None, 8]}, [])]
    names = [f"b{i}" for i in range(count)]
    layers += [node(n, "Dense", {"units": 2 + i % 7}, ["in"]) for i, n in enumerate(names)]
    layers += [node(f"cat{j}", "Concatenate", {"axis": -1}, names) for j in range(joins)]
    return dumps(functional(layers, [["in", 0, 0]], [[f"cat{j}", 0, 0] for j in range(joins)]))


WIDTH_17CM = {"fig.yaml": "width: 17cm\n"}
case("bounds-fan-in-19000-width", dict(WIDTH_17CM, **{"model.json": fan_in_joins(19000, 1)}),
     "ok", options="fig.yaml", max_mib=384, max_seconds=10)
case("bounds-fan-in-19000-into-3-width", dict(WIDTH_17CM, **{"model.json": fan_in_joins(19000, 3)}),
     "ok", options="fig.yaml", max_mib=448, max_seconds=10)

# Values no Keras builds a layer with: counts below 1, axes the input does not have.
def on_image(layer):
    return dumps(seq([{"class_name": "InputLayer", "config": {"name": "in",
                      "batch_input_shape": [None, 8, 8, 3]}}, layer]))


for cid, layer, message in [
        ("impossible-dense-units-0", dense("d", units=0), "layer 'd' (Dense): 'units' holds 0"),
        ("impossible-conv-filters-negative", conv("c", filters=-1),
         "layer 'c' (Conv2D): 'filters' holds -1"),
        ("impossible-batchnorm-axis-9", {"class_name": "BatchNormalization",
                                         "config": {"name": "bn", "axis": 9}},
         "'axis' holds 9, outside the 4 axes"),
        ("impossible-softmax-axis-minus-9", {"class_name": "Softmax",
                                             "config": {"name": "sm", "axis": -9}},
         "'axis' holds -9, outside the 4 axes")]:
    case(cid, {"model.json": on_image(layer)}, "error", message)

# The other views bound what one figure draws: a graph of many wide joins, a lenet figure of
# many wide layers at max_visual_channels' bound.
def wide_joins(branches, joins):
    text = "strata: 1\nmodel: joins\nlayers:\n  - {name: in, type: InputLayer, shape: [null, 64]}\n"
    for b in range(branches):
        text += f"  - {{name: d{b}, type: Dense, inputs: [in], config: {{units: 64}}}}\n"
    names = ", ".join(f"d{b}" for b in range(branches))
    for j in range(joins):
        text += f"  - {{name: a{j}, type: Add, inputs: [{names}]}}\n"
    return text


case("bounds-graph-view-lines", {"model.yaml": wide_joins(300, 80), "graph.yaml": "view: graph\n"},
     "error",
     "connecting lines, more than 200000", model="model.yaml", options="graph.yaml",
     max_mib=256)
WIDE_LENET = ("strata: 1\nmodel: wide\noptions: {view: lenet, max_visual_channels: 1000}\n"
              "layers:\n  - {name: in, type: InputLayer, shape: [null, 8, 8, 1024]}\n"
              + "".join("  - Conv2D: {filters: 1024, kernel_size: 1}\n" for _ in range(100)))
case("bounds-lenet-view-maps", {"model.yaml": WIDE_LENET}, "error",
     "feature maps, more than 50000", model="model.yaml", max_mib=256)

# Connections between layers are bounded in every format, before shapes and layout: each input
# of each layer is one line drawn, and 19 000 branches into 20 joins (399 000 of them) took 25 s
# and 900 MiB. The error names the layer that passes the limit, and its place when the file has
# lines. At the limit a figure fitted to a width stays within the time budget.
def column_of(text, layer):  # where node() writes the layer, on the one line dumps() writes
    return text.index(dumps({"name": layer})[:-1]) + 1


FAN_20 = fan_in_joins(19000, 20)
case("bounds-connections-fan-in-into-20", {"model.json": FAN_20}, "error",
     f"model.json:1:{column_of(FAN_20, 'cat4')}: more than 100000 connections "
     "between layers: the 19000 inputs of layer 'cat4' (Concatenate) bring them to 114000",
     max_mib=256)
case("bounds-connections-fan-in-into-4-width",
     dict(WIDTH_17CM, **{"model.json": fan_in_joins(19000, 4)}), "ok", options="fig.yaml",
     max_mib=512, max_seconds=10)
FAN_50 = fan_in_joins(2000, 50)
TFJS_FAN_50 = dumps({"format": "layers-model", "modelTopology": json.loads(FAN_50)})
case("bounds-connections-tfjs", {"model.json": TFJS_FAN_50}, "error",
     f"model.json:1:{column_of(TFJS_FAN_50, 'cat49')}: more than 100000 "
     "connections between layers: the 2000 inputs of layer 'cat49' (Concatenate) bring them to "
     "102000", max_mib=128)
case("bounds-connections-keras-archive", {"model.keras": zip_bytes([("config.json", FAN_50)])},
     "error", "model.keras: more than 100000 connections between layers: the 2000 inputs of "
     "layer 'cat49' (Concatenate) bring them to 102000", model="model.keras", max_mib=128)
case("bounds-connections-spec", {"model.yaml": wide_joins(2000, 51)}, "error",
     "model.yaml:2054:5: more than 100000 connections between layers: the 2000 inputs of layer "
     "'a49' (Add) bring them to 102000", model="model.yaml", max_mib=256)
# (distinct inputs: a node that reads one tensor twice is drawn with one line)
ONNX_INPUTS = [f"i{k}" for k in range(2000)]
case("bounds-connections-onnx", {"model.onnx": onnx_model(
     [op("Concat", ONNX_INPUTS, f"y{k}", f"concat{k}", [int_attribute("axis", 0)])
      for k in range(51)], [], [value_info(name, [1]) for name in ONNX_INPUTS],
     [value_info(f"y{k}", []) for k in range(51)])}, "error",
     "model.onnx: more than 100000 connections between layers: the 2000 inputs of layer "
     "'concat50' (Concatenate) bring them to 102000", model="model.onnx", max_mib=128)

# Attributes no Keras builds a layer from, refused at the layer's line and column (shape
# inference names the place as the reader does): no heads, and a flag that is a number.
def place_of(text, layer):  # LINE:COL of the object node() writes for `layer`
    start = text.rindex("{", 0, text.index(f'"name": "{layer}"'))
    return f"{text.count(chr(10), 0, start) + 1}:{start - text.rfind(chr(10), 0, start)}"


MHA_0 = json.dumps(functional([node("q", "InputLayer", {"batch_input_shape": [None, 8, 16]}, []),
                               node("mha", "MultiHeadAttention", {"num_heads": 0, "key_dim": 4},
                                    ["q", "q"])], [["q", 0, 0]], [["mha", 0, 0]]), indent=1)
case("impossible-attention-no-heads", {"model.json": MHA_0}, "error",
     f"model.json:{place_of(MHA_0, 'mha')}: layer 'mha' (MultiHeadAttention): 'num_heads' holds 0, "
     "expected 1 or more")
KEEPDIMS_7 = json.dumps(functional([node("in", "InputLayer", {"batch_input_shape": [None, 8, 8, 3]},
                                         []),
                                    node("gap", "GlobalAveragePooling2D", {"keepdims": 7}, ["in"])],
                                   [["in", 0, 0]], [["gap", 0, 0]]), indent=1)
case("impossible-reduction-keepdims-7", {"model.json": KEEPDIMS_7}, "error",
     f"model.json:{place_of(KEEPDIMS_7, 'gap')}: layer 'gap' (GlobalAveragePooling2D): 'keepdims' "
     "holds 7, expected true or false")
# A shape rule's error inside a TF.js topology is placed too.
TFJS_UNITS_0 = json.dumps({"format": "layers-model", "modelTopology": json.loads(json.dumps(
    functional([node("in", "InputLayer", {"batch_input_shape": [None, 8]}, []),
                node("d", "Dense", {"units": 0}, ["in"])], [["in", 0, 0]], [["d", 0, 0]])))},
    indent=1)
case("impossible-tfjs-dense-units-0", {"model.json": TFJS_UNITS_0}, "error",
     f"model.json:{place_of(TFJS_UNITS_0, 'd')}: layer 'd' (Dense): 'units' holds 0, expected 1 or "
     "more")

# A collapse rule whose selector is long costs the chain once per rule, not once per position
# per layer: 200 aliases of a 4001-name selector over 10000 layers that almost match it.
LONG_SELECTOR = "[" + ", ".join(["Dense"] * 4000 + ["Conv2D"]) + "]"
case("collapse-rules-long-selector-aliased", {
    "model.json": deep_sequential(10000),
    "fig.yaml": "view: functional\ncollapse_enabled: true\ncollapse_rules:\n"
                f"  - {{kind: block, selector: &s {LONG_SELECTOR}, repeat_count: 2}}\n"
                + "  - {kind: block, selector: *s, repeat_count: 2}\n" * 199},
     "ok", options="fig.yaml", max_mib=256, max_seconds=10)

# A shape a layer computes is held to the rank a file may declare (32), at the layer's place.
RESHAPE_RANK = json.dumps(functional([node("in", "InputLayer", {"batch_input_shape": [None, 1]},
                                           []),
                                      node("r", "Reshape", {"target_shape": [1] * 65000}, ["in"])],
                                     [["in", 0, 0]], [["r", 0, 0]]), indent=1)
case("rank-reshape-65001", {"model.json": RESHAPE_RANK}, "error",
     f"model.json:{place_of(RESHAPE_RANK, 'r')}: layer 'r' (Reshape): its output would have 65001 "
     "dimensions (at most 32)", max_seconds=5)
RANK_31 = {"batch_input_shape": [None] + [1] * 31}
EMBED_RANK = json.dumps(functional([node("in", "InputLayer", RANK_31, []),
                                    node("e", "Embedding", {"input_dim": 4, "output_dim": 2},
                                         ["in"])], [["in", 0, 0]], [["e", 0, 0]]), indent=1)
case("rank-embedding-33", {"model.json": EMBED_RANK}, "error",
     f"model.json:{place_of(EMBED_RANK, 'e')}: layer 'e' (Embedding): its output would have 33 "
     "dimensions (at most 32)")

# A legend below the picture of 10000 classes is arranged in near-linear time: each column count
# its rows allow is measured once, not once per column count tried.
MANY_CLASSES = dumps(seq([{"class_name": "InputLayer",
                           "config": {"name": "in", "batch_input_shape": [None, 4, 4, 2]}}]
                         + [{"class_name": f"Custom{k:05d}", "config": {"name": f"l{k}"}}
                            for k in range(10000)]))
case("legend-below-10000-classes", {"model.json": MANY_CLASSES,
                                    "fig.yaml": "legend: true\nlegend_position: below\n"},
     "ok", options="fig.yaml", max_mib=384, max_seconds=10)

# The lenet view of branching models in near-linear time: 19990 branches into one
# Concatenate, and a chain whose every Add also reads the layer two back (arcs laned with a
# segment tree, labels looked up by x, inputs traced without clearing marks per stack).
FAN_LENET = [node("in", "InputLayer", {"batch_input_shape": [None, 8, 8, 3]}, [])]
FAN_LENET += [node(f"c{k}", "Conv2D", {"filters": 2, "kernel_size": [3, 3], "padding": "same"},
                   ["in"]) for k in range(19990)]
FAN_LENET += [node("cat", "Concatenate", {"axis": -1}, [f"c{k}" for k in range(19990)])]
case("lenet-fan-in-19990", {
    "model.json": dumps(functional(FAN_LENET, [["in", 0, 0]], [["cat", 0, 0]])),
    "fig.yaml": "view: lenet\n"}, "ok", options="fig.yaml", max_mib=512, max_seconds=15)
SKIP_LENET = [node("in", "InputLayer", {"batch_input_shape": [None, 8, 8, 3]}, [])]
SKIP_LENET += [node(f"a{k}", "Add", {}, [f"a{k - 1}" if k else "in"]
                    + ([f"a{k - 2}"] if k >= 2 else [])) for k in range(10000)]
case("lenet-skip-two-back-10000", {
    "model.json": dumps(functional(SKIP_LENET, [["in", 0, 0]], [["a9999", 0, 0]])),
    "fig.yaml": "view: lenet\n"}, "ok", options="fig.yaml", max_mib=256, max_seconds=5)

# Every group edge needs room (a large font): the boxes right of each edge move together in
# near-linear time, not edges times boxes (20 000 pairs fitted to 17 cm took 15 s).
EDGES = [with_input(dense("l0"), [None, 8])] + [dense(f"l{k}", 4 + k % 3) for k in range(1, 19990)]
case("bounds2-groups-pairs-every-edge-moves", {
    "model.json": dumps(seq(EDGES)),
    "fig.yaml": "collapse: none\nfont_size: 100\nwidth: 17cm\nlayered_groups:\n" +
                "".join(f"  - {{layers: [l{k}, l{k + 1}]}}\n" for k in range(19989))},
     "ok", options="fig.yaml", max_mib=512, max_seconds=10)
# A Reshape without its target: Keras cannot build it, so the file is refused at the layer.
case("reshape-no-target-shape", {"model.json": dumps(seq([with_input(dense("d", 500000), [None, 4]),
     {"class_name": "Reshape", "config": {"name": "r"}}]))}, "error",
     "layer 'r' (Reshape): 'target_shape' is not given, and Keras cannot build the layer without it")
# A dense mesh within both limits (19 901 layers, 98 704 connections: 100 ranks of 199 Adds,
# each of 5 layers of the rank before) fitted to a width it cannot fit: laid out once at the
# smallest boxes with one warning, not searched through some forty trial layouts.
case("bounds-mesh-100x199-width", {"model.yaml": mesh(100, 199, 5),
                                   "fig.yaml": "width: 17cm\ntext_callable: name\n"},
     "ok", model="model.yaml", options="fig.yaml", max_mib=512, max_seconds=10)
# Unicode non-characters (U+FDD0-U+FDEF and the last two of every plane) in a name, a class
# and a caption: cairo refuses them as text, so input cleaning turns them into U+FFFD.
NONCHARACTERS = {"fdd0": "\ufdd0", "fdef": "\ufdef", "1fffe": "\U0001fffe",
                 "10ffff": "\U0010ffff"}
for key, ch in NONCHARACTERS.items():
    spec = ("strata: 1\nlayers:\n  - {name: in, type: InputLayer, shape: [null, 8]}\n"
            f"  - {{name: \"a{ch}\", type: \"D{ch}\", config: {{units: 4}}}}\n")
    for fmt in ("png", "pdf"):
        case(f"noncharacter-{key}-{fmt}", {"model.yaml": spec,
                                           "fig.yaml": f"text_callable: name\ncaption: \"c{ch}\"\n"},
             "ok", model="model.yaml", options="fig.yaml", output=f"out.{fmt}")

# Logo groups that each match every layer place one picture per layer and group: 300 groups
# on 5000 layers were 1.5 million placements (1.6 GB to lay out, a 450 MB SVG). At most
# 40 000 pictures are placed, refused at the logo_groups option; under it every distinct
# picture is written once in the SVG, so the output grows with placements alone.
def logo_spec(groups, layers):
    lines = ["strata: 1", "model: m", "options:", "  collapse: none", "  logo_groups:"]
    lines += [f"    - {{file: p.png, layers: [Dense], name: L{k}}}" for k in range(groups)]
    lines += ["layers:", "  - {name: in, type: InputLayer, shape: [null, 8]}"]
    lines += [f"  - {{type: Dense, config: {{units: {4 + k % 8}}}}}" for k in range(layers)]
    return "\n".join(lines) + "\n"


case("logo-placements-over-limit", {"model.yaml": logo_spec(300, 5000),
                                    "p.png": picture_png(64, 64, bytes(4096))}, "error",
     "model.yaml:6:5: logo_groups: the figure would place more than 40000 pictures",
     model="model.yaml", max_mib=256, max_seconds=5)
case("logo-placements-under-limit", {"model.yaml": logo_spec(8, 4000),
                                     "p.png": picture_png(64, 64, bytes(4096))}, "ok",
     model="model.yaml", max_mib=192, max_seconds=10)

with open(os.path.join(OUT, "manifest.tsv"), "w", encoding="utf-8") as f:
    f.write("id\tmodel\toptions\toutput\texpect\tmessage\tmax_mib\tmax_seconds\n")
    for row in rows:
        f.write("\t".join(row) + "\n")
print(f"{len(rows)} cases written to {OUT}")

