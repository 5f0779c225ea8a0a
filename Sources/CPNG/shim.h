// libpng, used by Imaging to encode (and, in tests, decode) PNG images.
#include <png.h>
