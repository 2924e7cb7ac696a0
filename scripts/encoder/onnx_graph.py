"""A small ONNX graph builder shared by the converters (build_use.py, build_nsfwjs.py): initializers and nodes are
collected in the order they are added, so a converter that adds them in a fixed order writes the same graph."""

import numpy as np
from onnx import helper, numpy_helper


class GraphBuilder:
    def __init__(self):
        self.nodes, self.inits = [], []

    def init(self, name, arr, dtype=np.float32):
        """Adds an initializer (a constant tensor) and returns its name."""
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(arr, dtype=dtype), name))
        return name

    def node(self, op, inputs, name, **attrs):
        """Adds a node with one output named like the node and returns that name."""
        self.nodes.append(helper.make_node(op, inputs, [name], name=name, **attrs))
        return name
