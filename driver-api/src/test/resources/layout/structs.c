/*
 * Structs whose layouts org.dmasim.driver.api.layout is checked against
 * (StructLayoutGccTest, PaholeFormatTest). No headers: the kernel type names are
 * declared here as include/asm-generic/int-ll64.h and include/uapi/linux/types.h do.
 * See README.md for how the .pahole files next to this one were produced.
 */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef u16 __le16;
typedef u32 __le32;
typedef u32 __be32;

/* The 2002 LWN example: a small DMA buffer next to a field the CPU touches. */
struct iostruct {
	int ifield;
	char buffer[16];
};

/* The same with the buffer ____cacheline_aligned as on ARMv7 (L1_CACHE_BYTES 64). */
struct iostruct_aligned {
	int ifield;
	char buffer[16] __attribute__((aligned(64)));
};

/* Scalars of every size, with holes. */
struct mix {
	char c;
	short s;
	long l;
	char c2;
	void *p;
	unsigned char uc;
	signed char sc;
	long long ll;
	unsigned short us;
	float f;
	double d;
	unsigned long ul;
	unsigned int ui;
	char tail;
};

/* A nested struct, an array of u16 and an array of structs. */
struct hdr {
	u8 type;
	u32 len;
};

struct packet {
	u16 id;
	struct hdr hdr;
	u16 words[3];
	struct hdr extra[2];
	u8 flags;
};

/* Like struct usb_hub: a TO_DEVICE request next to a FROM_DEVICE status. */
struct hub_like {
	void *intfdev;
	u8 request[8];
	__le32 status;
	int error;
};

/* Like an IIO driver's state: a lock stand-in, then a small rx buffer at the end. */
struct iio_state {
	int lock;
	u32 something;
	u8 rx_buf[4];
};

/* The same with the buffer __aligned(128) (IIO_DMA_MINALIGN where ARCH_DMA_MINALIGN is 128). */
struct iio_state_aligned {
	int lock;
	u32 something;
	u8 rx_buf[4] __attribute__((aligned(128)));
};

/* pahole printer corner cases. */

/* Members crossing line boundaries: "cacheline N boundary (M bytes) was K bytes ago". */
struct straddle {
	char pad[60];
	long long x;
	int y;
	char z[70];
	int w;
};

/* Tail padding larger than a pointer: pahole prints "Force padding" on 32-bit ARM. */
struct tail_short {
	u64 a;
	s16 tail;
};

/* No hole on i386, where pahole wrongly infers __packed__ (long long is 4-aligned there). */
struct int_ll {
	int a;
	long long b;
};

/* A member whose struct type has tail padding: "XXX last struct has N bytes of padding". */
struct nested_padding {
	char c;
	struct tail_short in;
	int after;
};

/* A member whose type is over-aligned: gcc records the member as aligned too. */
struct aligned_member {
	char c;
	struct iostruct_aligned in;
};

struct iostruct v_iostruct;
struct iostruct_aligned v_iostruct_aligned;
struct mix v_mix;
struct packet v_packet;
struct hub_like v_hub_like;
struct iio_state v_iio_state;
struct iio_state_aligned v_iio_state_aligned;
struct straddle v_straddle;
struct int_ll v_int_ll;
struct nested_padding v_nested_padding;
struct aligned_member v_aligned_member;
