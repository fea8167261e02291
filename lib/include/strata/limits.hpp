#pragma once

#include <cstddef>
#include <cstdint>

// Every size and depth limit strata enforces, on model files, option files, pictures and the
// images it writes. Inputs are untrusted: these bounds keep memory, time and stack use
// predictable whatever a file holds. Messages state a limit in words ("larger than 64 MiB").
namespace strata::limits {

// Largest model file read into memory.
inline constexpr std::size_t kMaxFileBytes = std::size_t{512} << 20;

// Deepest nesting of JSON arrays and objects. Checked by a scan of the raw text before the
// JSON library sees it: the library recurses per level and would exhaust the stack on
// hostile input (a million '[').
inline constexpr std::size_t kMaxJsonDepth = 512;

// Values in one JSON document (arrays, objects, keys and scalars), counted by a scan of the
// raw text before the JSON library builds its tree, which takes about 50 bytes a value: a
// model of kMaxLayers layers needs a few hundred thousand.
inline constexpr std::size_t kMaxJsonValues = 4'000'000;

// Longest JSON string, as written (escapes included), checked by a scan of the raw text before
// the JSON library copies it: names and kept attributes are far shorter (kMaxNameLength,
// kMaxAttrStringLength), and the library needs several times a string's length while it
// builds, copies and unescapes it.
inline constexpr std::size_t kMaxJsonStringBytes = std::size_t{1} << 20;

// Longest JSON text that is one string holding the model's JSON (a model saved with
// json.dumps(model.to_json())): the size of the largest configuration an archive member or
// an HDF5 attribute may hold.
inline constexpr std::size_t kMaxJsonModelStringBytes = std::size_t{64} << 20;

// How many times a file may be a JSON string holding JSON (double-encoded models).
inline constexpr int kMaxJsonStringUnwraps = 4;

// Layers in one model, nested models flattened (an implicit input layer counts). A drawing of
// more layers is unreadable, and 10^5 layers would take the layout ~10 s and ~700 MB.
inline constexpr std::size_t kMaxLayers = 20'000;

// Connections between layers in one model, nested models flattened: every input of every layer
// is one line drawn. Import, layout and drawing take time and memory linear in them, but about
// 60 us and 2 KiB each on the way to an SVG (19 000 branches into 20 joins, 399 000 connections:
// 25 s and 900 MiB, a 240 MB SVG). 100 000 allows five inputs a layer at kMaxLayers (DenseNet's
// joins average four) and keeps a figure within about 10 s and 500 MiB, --width included.
inline constexpr std::size_t kMaxConnections = 100'000;

// Most dimensions of one tensor shape, the batch dimension included.
inline constexpr std::size_t kMaxRank = 32;

// Largest member of a model archive (.keras) read into memory, counted in bytes actually
// decompressed, whatever the archive's directory claims.
inline constexpr std::size_t kMaxArchiveMemberBytes = std::size_t{64} << 20;

// Largest tensor dimension or size-like hyperparameter (filters, units, kernel size ...).
inline constexpr std::int64_t kMaxDimension = std::int64_t{1} << 40;

// Largest output index in a tensor reference ([name, node, tensor]).
inline constexpr std::int64_t kMaxTensorIndex = 1 << 20;

// Longest layer or model name.
inline constexpr std::size_t kMaxNameLength = 4096;

// Bytes of all the layer names of one model together. A drawing copies each name into ids,
// labels, titles and data attributes: about 16 bytes of SVG and 50 bytes of memory a byte of
// name (60 MB of names took 2.9 GB and wrote a 985 MB SVG), so 4 MiB keeps a figure within
// ~200 MiB. It allows names of 200 bytes on each of kMaxLayers layers.
inline constexpr std::size_t kMaxModelNameBytes = std::size_t{4} << 20;

// Longest string kept as a layer attribute; longer ones (serialised Python bytecode of a
// Lambda, for instance) are dropped because no caption could show them.
inline constexpr std::size_t kMaxAttrStringLength = 4096;

// Elements of one list attribute (after flattening nested lists).
inline constexpr std::size_t kMaxAttrListLength = 65536;

// Largest model_config attribute of an HDF5 model file.
inline constexpr std::size_t kMaxHdf5AttributeBytes = std::size_t{64} << 20;

// Largest YAML model spec.
inline constexpr std::size_t kMaxSpecBytes = std::size_t{64} << 20;

// Deepest nesting of YAML sequences and mappings (option files, model specs). Checked on the
// parser's events, before yaml-cpp builds (recursively) its node tree.
inline constexpr std::size_t kMaxYamlDepth = 128;

// Nodes a full walk of one YAML document may visit, every alias counted as the whole node it
// names: a few hundred bytes of nested aliases can otherwise stand for billions of nodes.
inline constexpr std::uint64_t kMaxYamlNodes = 1'000'000;

// Nodes one YAML document holds as written (an alias counts one), counted on the parser's
// events before yaml-cpp builds its tree, which takes about 500 bytes a node. A model spec:
// `strata spec` writes about 31 nodes a layer, so kMaxLayers layers and their options fit
// (the tree then takes about 400 MiB). An option file (or a flag's YAML value): captions,
// styles and groups for every one of kMaxLayers layers.
inline constexpr std::uint64_t kMaxYamlSpecNodes = 800'000;
inline constexpr std::uint64_t kMaxYamlOptionNodes = 200'000;

// Elements of one small tensor an ONNX graph computes its shapes with; larger ones are not
// evaluated (their shapes still are).
inline constexpr std::size_t kMaxOnnxConstantElements = std::size_t{1} << 16;

// ONNX nodes in one graph, subgraphs of If and Loop included (they are not drawn, but they
// are parsed). Counted on the protobuf wire, before parsing. Two and a half times kMaxLayers:
// activations, normalisation and shape arithmetic fold into the boxes they follow; and
// shape inference, which runs before folding can count the boxes, costs tens of
// microseconds a node.
inline constexpr std::size_t kMaxOnnxNodes = 50'000;

// Declared tensors of each kind in an ONNX graph, subgraphs included: graph inputs, graph
// outputs, value_info entries, initializers (sparse ones too). Counted on the protobuf wire,
// before parsing. Twice kMaxOnnxNodes: a graph has about one weight and one intermediate value
// a node, and old exporters list every initializer among the inputs too; checking and shape
// inference cost tens of microseconds a declared tensor.
inline constexpr std::size_t kMaxOnnxGraphTensors = 2 * kMaxOnnxNodes;

// What parsing an ONNX graph allocates, counted on the protobuf wire before parsing: nodes,
// their inputs, outputs and attributes, attribute list elements, declared tensors (inputs,
// outputs, value_info, initializers) and their dimensions, in subgraphs too. A parsed item
// takes tens of bytes, so this keeps the parsed graph within a few hundred MiB.
inline constexpr std::uint64_t kMaxOnnxGraphItems = 2'000'000;

// Entries in the central directory of a model archive (.keras), checked from the directory's
// own count before anything is read per entry; a Keras archive holds a handful.
inline constexpr std::uint64_t kMaxArchiveEntries = 10'000;

// Bytes all the members a reader opens in one model archive decompress to, together.
inline constexpr std::size_t kMaxArchiveTotalBytes = std::size_t{80} << 20;

// Lists inside Keras 3 call arguments nest only a little (a list of tensors); deeper ones are
// not tensors.
inline constexpr int kMaxArgumentNesting = 8;

// Wrappers inside wrappers (TimeDistributed(Bidirectional(LSTM))) are real, but a deep chain
// can only come from a hostile file; each level is one recursion of the shape rule.
inline constexpr std::size_t kMaxWrapperDepth = 8;

// Largest option file; option files are a few hundred bytes.
inline constexpr std::size_t kMaxOptionsFileBytes = std::size_t{4} << 20;

// Largest size, gap or scale an option may take: no box beyond this makes a usable picture.
inline constexpr double kMaxOptionSize = 1e6;

// Longest colour specifier; Pillow refuses longer ones, and it bounds every number read.
inline constexpr std::size_t kMaxColorLength = 100;

// Most rectangles the layer groups of one figure may draw (one per group and row it spans):
// two per layer, what groups of two layers across every row break take. Beyond it a figure
// is unreadable, and each rectangle costs kilobytes in the scene and the SVG.
inline constexpr std::size_t kMaxGroupRectangles = 40'000;

// Most pictures one figure may place: logos (one per layer each logo group matches) and face
// images together. A face image and a logo on each of kMaxLayers layers; 300 logo groups that
// each match 5000 layers took 1.6 GB to lay out and would have written a 450 MB SVG.
inline constexpr std::size_t kMaxPicturePlacements = 40'000;

// Longest caption once its template's fields are filled ({name} is up to kMaxNameLength
// bytes): a template repeats fields at will, so the expanded text is bounded, not the template.
// 64 KiB is far more than any box can carry readably (a name and a shape take tens of bytes).
inline constexpr std::size_t kMaxCaptionBytes = std::size_t{64} << 10;

// All the text one figure holds, together: captions, legend labels, group titles, ×N and stage
// labels. Each byte becomes a shaped glyph in the scene and tens of bytes of output, about
// 90 bytes of memory in all, so 2 MiB keeps a figure's text within ~200 MiB. It allows
// captions of 100 bytes on each of kMaxLayers layers; a caption template or a text_callable
// over long layer names cannot multiply the input without bound.
inline constexpr std::size_t kMaxFigureTextBytes = std::size_t{2} << 20;

// Most lines of text in one figure, all its captions, legend entries, titles and labels
// together. An empty line costs no byte of kMaxFigureTextBytes but a measured, placed text run
// (about 1.7 KiB of memory and output each); 100 000 lines allow five-line captions on each of
// kMaxLayers layers and keep that cost near 170 MiB.
inline constexpr std::size_t kMaxFigureTextLines = 100'000;

// Largest font file read into memory. A font is read once, through the descriptor its checks
// were made on, and FreeType, HarfBuzz and cairo all draw from those bytes: a path is never
// opened twice. The largest system fonts (CJK collections) are about 20 MiB.
inline constexpr std::size_t kMaxFontFileBytes = std::size_t{64} << 20;

// Largest picture file (face images, logos) read into memory.
inline constexpr std::size_t kMaxImageBytes = std::size_t{16} << 20;

// Largest picture width or height in pixels, and largest pixel count: a raster emitter decodes
// PNGs, so a tiny file declaring a huge size must not get that far.
inline constexpr double kMaxImageSide = 16384;
inline constexpr double kMaxImagePixels = 64.0 * 1024 * 1024;

// What the distinct pictures of one figure may hold together, however often each is placed:
// file bytes (an SVG or PDF embeds each file once) and raster pixels (a PNG or PDF output
// decodes each PNG once, at 4 bytes a pixel). One picture at the per-file limits fits.
inline constexpr std::size_t kMaxFigurePictureBytes = std::size_t{64} << 20;
inline constexpr double kMaxFigurePicturePixels = 64.0 * 1024 * 1024;

// Picture pixels a PNG or PDF output may paint: every placement counts the larger of the picture's
// own pixels (what a downscaling filter reads) and the pixels it covers at the output
// resolution (what it writes). Painting takes about ten seconds per 10^9.
inline constexpr double kMaxPaintedPicturePixels = 1024.0 * 1024 * 1024;

// The largest side an SVG picture may declare, far above any limit on what is drawn.
inline constexpr double kMaxSvgDeclaredSide = 1e9;

// Bytes the frames of one reveal (--frames) may write together. Frame k shows k layers and
// embeds every picture they show, so the frames of n layers take O(n²) bytes: one 16 MiB
// picture on every layer of 400 would write 8 GiB. The pictures are checked before anything is
// drawn; each frame is checked before it is written, so a refusal has drawn and staged at most
// this much (a few seconds). 400 frames of a 400-layer stack take 127 MB; a linked picture
// costs only its path.
inline constexpr std::uint64_t kMaxFramesBytes = std::uint64_t{512} << 20;

// The largest image to_png writes: a side of at most kMaxRasterSide pixels (what common PNG
// readers accept) and at most kMaxRasterPixels pixels in all (1 GiB of 32-bit pixels).
inline constexpr int kMaxRasterSide = 32767;
inline constexpr long long kMaxRasterPixels = 1LL << 28;

// The largest side of a TikZ picture, in big points: TeX cannot measure a length of 16384 pt
// or more (about 16326 bp).
inline constexpr double kMaxTexSideBp = 16000;

// The largest page side PDF readers are required to handle (200 in).
inline constexpr double kMaxPdfPageSidePoints = 14400;

}  // namespace strata::limits
