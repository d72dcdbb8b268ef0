/*
 * The struct alignments the tests expect (pahole does not print them); compiles only if gcc
 * agrees: gcc -c alignments.c; gcc -m32 -c alignments.c; arm-linux-gnueabihf-gcc -c alignments.c
 */
#include "structs.c"

#if defined(__x86_64__)
#define PER_ABI(lp64, i386, arm) (lp64)
#elif defined(__i386__)
#define PER_ABI(lp64, i386, arm) (i386)
#elif defined(__arm__)
#define PER_ABI(lp64, i386, arm) (arm)
#endif

#define ALIGN(s, lp64, i386, arm) \
	_Static_assert(_Alignof(struct s) == PER_ABI(lp64, i386, arm), #s)

ALIGN(iostruct, 4, 4, 4);
ALIGN(iostruct_aligned, 64, 64, 64);
ALIGN(mix, 8, 4, 8);
ALIGN(hdr, 4, 4, 4);
ALIGN(packet, 4, 4, 4);
ALIGN(hub_like, 8, 4, 4);
ALIGN(iio_state, 4, 4, 4);
ALIGN(iio_state_aligned, 128, 128, 128);
ALIGN(straddle, 8, 4, 8);
ALIGN(tail_short, 8, 4, 8);
ALIGN(int_ll, 8, 4, 8);
ALIGN(nested_padding, 8, 4, 8);
ALIGN(aligned_member, 64, 64, 64);
