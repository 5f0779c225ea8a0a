// Grids of single-channel images take a `ColorMap` (the tables shared with Plotting): cells
// and tests that import Imaging see it without a second import.
@_exported import ColorMaps
