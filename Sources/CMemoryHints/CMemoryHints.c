// Everything is in include/CMemoryHints.h (static inline); a C target needs one source file.
#include "CMemoryHints.h"
