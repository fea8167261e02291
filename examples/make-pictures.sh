#!/bin/sh
# Draws every picture the README shows from the models in this folder.
# Usage: examples/make-pictures.sh STRATA [OUT_DIR]
#   STRATA   the strata program (e.g. build/tools/strata/strata)
#   OUT_DIR  where the pictures go (default: this folder, replacing the committed ones)
# The same strata gives the same bytes, so a test can check the committed pictures are current.
set -eu
strata=$1
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here}
mkdir -p "$out"
# The default look, as visualkeras users know it.
"$strata" render "$here/vgg16.json" -o "$out/vgg16.svg"
# A branching model fitted to a page's text width: blocks folded, skips above, rows wrapped.
"$strata" render "$here/resnet50.json" -o "$out/resnet50-17cm.svg" --width 17cm --legend
# A model written by hand as a YAML spec, with its own captions and legend.
"$strata" render "$here/mnist_cnn.yaml" -o "$out/mnist_cnn.svg"
# The presets on one small model: PNG as each is meant to be seen. paper at 192 dpi (twice its
# printed size, 8.5 cm); slides at 96 dpi (a 1280 x 720 slide).
for preset in default compact presentation slides; do
    "$strata" render "$here/autoencoder.json" -o "$out/preset-$preset.png" --preset "$preset"
done
"$strata" render "$here/autoencoder.json" -o "$out/preset-paper.png" --preset paper --dpi 192
# The lenet view of VGG16 (stacks of feature maps), fitted to a page's text width.
"$strata" render "$here/vgg16.json" -o "$out/vgg16-lenet-17cm.svg" --view lenet --width 17cm
# The functional view of a small Inception block: branches side by side, names and shapes.
"$strata" render "$here/inception_block.json" -o "$out/functional-inception.svg" --view functional \
    --text-callable name_shape --width 17cm
# The graph view of the same small CNN, fitted to a page's text width.
"$strata" render "$here/mnist_cnn.yaml" -o "$out/graph-mnist_cnn.svg" --view graph --width 17cm
