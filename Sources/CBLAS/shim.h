// OpenBLAS's CBLAS interface and LAPACKE. Only Tensors' linear-algebra file imports this.
#include <cblas.h>
#include <lapacke.h>
