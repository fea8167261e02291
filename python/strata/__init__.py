"""strata: neural-network architecture figures as editable vector documents.

The layered view of visualkeras, backed by strata's C++ library::

    import strata
    fig = strata.layered_view(model, legend=True, width="8.5cm")
    fig.save("model.pdf")      # or .svg, .png, .tex, .json
    fig                         # a notebook shows it

``model`` may be a Keras model (anything with ``to_json()``), a ``torch.nn.Module`` with
``input_shape=`` or ``example_input=``, an ``onnx.ModelProto``, the bytes or text of any
model file strata reads, or a path.
"""

from ._strata import Error
from .captions import LAYERED_TEXT_CALLABLES
from .figure import Figure, StrataWarning
from .functional import FUNCTIONAL_PRESETS, FunctionalOptions, functional_view
from .graph import GRAPH_PRESETS, GraphOptions, graph_view
from .layered import layered_view, show
from .lenet import LENET_PRESETS, LenetOptions, lenet_view
from .options import LAYERED_PRESETS, LayeredOptions

Error.__module__ = "strata"
Error.__doc__ = "A model or an option strata cannot use; the message names the file and place."

__all__ = [
    "Error",
    "Figure",
    "FUNCTIONAL_PRESETS",
    "FunctionalOptions",
    "GRAPH_PRESETS",
    "GraphOptions",
    "StrataWarning",
    "LAYERED_PRESETS",
    "LAYERED_TEXT_CALLABLES",
    "LayeredOptions",
    "LENET_PRESETS",
    "LenetOptions",
    "functional_view",
    "graph_view",
    "layered_view",
    "lenet_view",
    "show",
]
