typedef unsigned char u8; typedef unsigned short u16; typedef unsigned int u32; typedef unsigned long long u64;
typedef signed char s8; typedef short s16; typedef int s32; typedef long long s64;
typedef u16 __le16; typedef u32 __le32; typedef u64 __le64; typedef u16 __be16; typedef u32 __be32; typedef u64 __be64;
struct s0 {
	u32 f0[3] __attribute__((aligned(8)));
	short f1 __attribute__((aligned(2)));
	s16 f2[2] __attribute__((aligned(1)));
};
struct s0 v_s0;
struct s1 {
	__le64 f0[16] __attribute__((aligned(128)));
	u8 f1[1];
	short f2[2];
	__be32 f3[16] __attribute__((aligned(16)));
	float f4[2];
};
struct s1 v_s1;
struct s2 {
	__le32 f0[70] __attribute__((aligned(16)));
	struct s1 f1 __attribute__((aligned(4)));
	long long f2[16];
};
struct s2 v_s2;
struct s3 {
	long long f0 __attribute__((aligned(64)));
	u8 f1[5];
	s8 f2[70] __attribute__((aligned(2)));
	double f3[70] __attribute__((aligned(128)));
	s16 f4[16] __attribute__((aligned(1)));
	unsigned long f5[5] __attribute__((aligned(8)));
};
struct s3 v_s3;
struct s4 {
	__be16 f0 __attribute__((aligned(8)));
	unsigned short f1 __attribute__((aligned(64)));
	s64 f2 __attribute__((aligned(64)));
	u16 f3 __attribute__((aligned(2)));
};
struct s4 v_s4;
struct s5 {
	s32 f0[16] __attribute__((aligned(16)));
	u64 f1[2] __attribute__((aligned(4)));
	long long f2[70] __attribute__((aligned(128)));
	__le16 f3[16] __attribute__((aligned(128)));
	double f4[1];
	char f5;
	s16 f6[16] __attribute__((aligned(128)));
};
struct s5 v_s5;
struct s6 {
	unsigned int f0[2] __attribute__((aligned(64)));
	u32 f1[16] __attribute__((aligned(128)));
	s64 f2;
	__be16 f3 __attribute__((aligned(2)));
};
struct s6 v_s6;
struct s7 {
	unsigned long f0[16];
	__be32 f1[16];
	u16 f2[3];
	struct s6 f3[5];
	char f4;
	u64 f5 __attribute__((aligned(8)));
	long f6 __attribute__((aligned(8)));
};
struct s7 v_s7;
struct s8 {
	s64 f0[4] __attribute__((aligned(4)));
	char f1 __attribute__((aligned(4)));
	__le64 f2[4] __attribute__((aligned(1)));
};
struct s8 v_s8;
struct s9 {
	u16 f0 __attribute__((aligned(8)));
	u32 f1[2];
};
struct s9 v_s9;
struct s10 {
	__be16 f0[4] __attribute__((aligned(2)));
};
struct s10 v_s10;
struct s11 {
	unsigned short f0[2] __attribute__((aligned(8)));
	struct s0 f1 __attribute__((aligned(1)));
};
struct s11 v_s11;
struct s12 {
	s32 f0[3] __attribute__((aligned(128)));
};
struct s12 v_s12;
struct s13 {
	unsigned long long f0[2] __attribute__((aligned(2)));
};
struct s13 v_s13;
struct s14 {
	u8 f0[2] __attribute__((aligned(2)));
};
struct s14 v_s14;
struct s15 {
	unsigned int f0[5] __attribute__((aligned(8)));
	s16 f1[1] __attribute__((aligned(16)));
};
struct s15 v_s15;
struct s16 {
	unsigned int f0;
	__be32 f1 __attribute__((aligned(2)));
	s32 f2[1] __attribute__((aligned(2)));
	char f3 __attribute__((aligned(16)));
	__be16 f4[70];
};
struct s16 v_s16;
struct s17 {
	double f0[2] __attribute__((aligned(1)));
};
struct s17 v_s17;
struct s18 {
	void * f0;
	__le64 f1[5];
	unsigned long long f2[70] __attribute__((aligned(2)));
	u32 f3[70] __attribute__((aligned(128)));
};
struct s18 v_s18;
struct s19 {
	long f0;
};
struct s19 v_s19;
struct s20 {
	u64 f0;
	int f1[3] __attribute__((aligned(4)));
	__be16 f2[70];
	struct s8 f3[70] __attribute__((aligned(128)));
	unsigned int f4[2] __attribute__((aligned(8)));
	u64 f5;
};
struct s20 v_s20;
struct s21 {
	int f0 __attribute__((aligned(16)));
};
struct s21 v_s21;
struct s22 {
	int f0[3] __attribute__((aligned(4)));
	struct s10 f1 __attribute__((aligned(2)));
};
struct s22 v_s22;
struct s23 {
	int f0[2];
	struct s13 f1[2] __attribute__((aligned(1)));
	signed char f2;
};
struct s23 v_s23;
struct s24 {
	struct s17 f0[2] __attribute__((aligned(8)));
};
struct s24 v_s24;
struct s25 {
	s32 f0[3] __attribute__((aligned(2)));
	struct s12 f1 __attribute__((aligned(2)));
};
struct s25 v_s25;
struct s26 {
	s64 f0 __attribute__((aligned(4)));
	u32 f1[3];
};
struct s26 v_s26;
struct s27 {
	struct s22 f0[1];
	unsigned long long f1 __attribute__((aligned(4)));
};
struct s27 v_s27;
struct s28 {
	long long f0[5];
	char f1[70];
	struct s1 f2;
	short f3;
	s16 f4[2];
	unsigned short f5[3] __attribute__((aligned(1)));
	long f6[5] __attribute__((aligned(16)));
};
struct s28 v_s28;
struct s29 {
	struct s0 f0[3] __attribute__((aligned(4)));
};
struct s29 v_s29;
struct s30 {
	unsigned long f0;
	struct s8 f1[70] __attribute__((aligned(2)));
	unsigned long long f2 __attribute__((aligned(16)));
	__be32 f3 __attribute__((aligned(4)));
	struct s27 f4[70];
	u32 f5[3];
};
struct s30 v_s30;
struct s31 {
	long f0[16];
};
struct s31 v_s31;
struct s32 {
	unsigned short f0[5] __attribute__((aligned(64)));
	__be16 f1[1] __attribute__((aligned(4)));
	unsigned long long f2[1];
	s32 f3[16] __attribute__((aligned(4)));
	__be16 f4[2];
	struct s26 f5 __attribute__((aligned(2)));
};
struct s32 v_s32;
struct s33 {
	__be32 f0[70] __attribute__((aligned(64)));
	signed char f1;
	u64 f2[2];
};
struct s33 v_s33;
struct s34 {
	char f0[70];
};
struct s34 v_s34;
struct s35 {
	s8 f0 __attribute__((aligned(1)));
	u32 f1 __attribute__((aligned(4)));
	struct s9 f2[5];
	long long f3 __attribute__((aligned(64)));
	__be16 f4[1];
	long long f5[70];
};
struct s35 v_s35;
struct s36 {
	struct s0 f0[4] __attribute__((aligned(2)));
	double f1 __attribute__((aligned(8)));
};
struct s36 v_s36;
struct s37 {
	u64 f0 __attribute__((aligned(64)));
	int f1[3] __attribute__((aligned(4)));
	struct s1 f2 __attribute__((aligned(4)));
	__le16 f3;
	struct s19 f4[1] __attribute__((aligned(4)));
	struct s15 f5;
	u16 f6 __attribute__((aligned(64)));
};
struct s37 v_s37;
struct s38 {
	s32 f0;
	u16 f1 __attribute__((aligned(2)));
};
struct s38 v_s38;
struct s39 {
	__be32 f0[16] __attribute__((aligned(8)));
	unsigned char f1 __attribute__((aligned(128)));
	long long f2[2] __attribute__((aligned(128)));
	int f3[3] __attribute__((aligned(1)));
	unsigned long long f4[3] __attribute__((aligned(64)));
	u16 f5[5];
	struct s29 f6[1] __attribute__((aligned(64)));
};
struct s39 v_s39;
struct s40 {
	double f0[5];
	struct s36 f1 __attribute__((aligned(1)));
	__be32 f2;
	__be64 f3[16];
	struct s17 f4[1];
	u64 f5;
	u8 f6[5] __attribute__((aligned(1)));
};
struct s40 v_s40;
struct s41 {
	double f0;
	u16 f1[3] __attribute__((aligned(8)));
	__be32 f2[3] __attribute__((aligned(8)));
};
struct s41 v_s41;
struct s42 {
	s32 f0[3];
	__le32 f1;
};
struct s42 v_s42;
struct s43 {
	unsigned long long f0[2] __attribute__((aligned(4)));
	__be32 f1[4] __attribute__((aligned(8)));
	u16 f2;
};
struct s43 v_s43;
struct s44 {
	s64 f0[4];
};
struct s44 v_s44;
struct s45 {
	u32 f0 __attribute__((aligned(2)));
};
struct s45 v_s45;
struct s46 {
	unsigned int f0[70] __attribute__((aligned(128)));
};
struct s46 v_s46;
struct s47 {
	struct s14 f0[1];
};
struct s47 v_s47;
struct s48 {
	unsigned char f0[5] __attribute__((aligned(64)));
	s8 f1[70];
};
struct s48 v_s48;
struct s49 {
	signed char f0 __attribute__((aligned(2)));
	long f1[1] __attribute__((aligned(4)));
};
struct s49 v_s49;
struct s50 {
	s16 f0[16];
	unsigned long long f1[2];
	unsigned short f2 __attribute__((aligned(2)));
};
struct s50 v_s50;
struct s51 {
	u8 f0[1];
	__be32 f1[5];
	signed char f2[5];
};
struct s51 v_s51;
struct s52 {
	s64 f0[70] __attribute__((aligned(128)));
	u16 f1 __attribute__((aligned(4)));
	s16 f2[3] __attribute__((aligned(2)));
	unsigned long long f3[3];
	struct s35 f4 __attribute__((aligned(128)));
	__be64 f5[70] __attribute__((aligned(4)));
};
struct s52 v_s52;
struct s53 {
	struct s38 f0[1];
	unsigned int f1[5] __attribute__((aligned(4)));
	unsigned short f2[70];
	unsigned long f3[16];
	__be32 f4[3];
	float f5[70] __attribute__((aligned(8)));
};
struct s53 v_s53;
struct s54 {
	struct s35 f0 __attribute__((aligned(64)));
	struct s51 f1 __attribute__((aligned(128)));
};
struct s54 v_s54;
struct s55 {
	long long f0;
};
struct s55 v_s55;
struct s56 {
	unsigned short f0[1];
	struct s3 f1[4];
	double f2[3] __attribute__((aligned(2)));
};
struct s56 v_s56;
struct s57 {
	long long f0 __attribute__((aligned(2)));
	u64 f1 __attribute__((aligned(1)));
	double f2;
};
struct s57 v_s57;
struct s58 {
	struct s0 f0;
	__be64 f1[3] __attribute__((aligned(4)));
	unsigned long f2 __attribute__((aligned(8)));
};
struct s58 v_s58;
struct s59 {
	struct s52 f0 __attribute__((aligned(1)));
	unsigned int f1[4] __attribute__((aligned(8)));
	struct s14 f2[3] __attribute__((aligned(1)));
};
struct s59 v_s59;
struct s60 {
	__be64 f0[1] __attribute__((aligned(4)));
};
struct s60 v_s60;
struct s61 {
	long long f0[3] __attribute__((aligned(4)));
	u64 f1[2] __attribute__((aligned(1)));
};
struct s61 v_s61;
struct s62 {
	short f0[4];
};
struct s62 v_s62;
struct s63 {
	int f0;
	double f1 __attribute__((aligned(1)));
	struct s62 f2 __attribute__((aligned(4)));
};
struct s63 v_s63;
struct s64 {
	long long f0[3] __attribute__((aligned(1)));
	struct s58 f1[2];
	unsigned short f2 __attribute__((aligned(128)));
	struct s28 f3[3] __attribute__((aligned(2)));
	s32 f4 __attribute__((aligned(64)));
	unsigned long long f5[2] __attribute__((aligned(16)));
};
struct s64 v_s64;
struct s65 {
	__be32 f0[4] __attribute__((aligned(2)));
	short f1[4];
};
struct s65 v_s65;
struct s66 {
	unsigned char f0[2] __attribute__((aligned(1)));
};
struct s66 v_s66;
struct s67 {
	__be16 f0[16] __attribute__((aligned(8)));
	char f1;
	struct s13 f2[5];
	struct s32 f3;
};
struct s67 v_s67;
struct s68 {
	u32 f0 __attribute__((aligned(64)));
};
struct s68 v_s68;
struct s69 {
	long long f0[16];
	u8 f1[1] __attribute__((aligned(1)));
	__be64 f2[3] __attribute__((aligned(1)));
};
struct s69 v_s69;
struct s70 {
	u8 f0 __attribute__((aligned(8)));
};
struct s70 v_s70;
struct s71 {
	u16 f0[2];
	unsigned int f1[1] __attribute__((aligned(4)));
};
struct s71 v_s71;
struct s72 {
	long long f0 __attribute__((aligned(8)));
	unsigned long f1[4] __attribute__((aligned(1)));
};
struct s72 v_s72;
struct s73 {
	struct s66 f0 __attribute__((aligned(4)));
	struct s47 f1[1] __attribute__((aligned(8)));
	struct s21 f2[16] __attribute__((aligned(1)));
	__be16 f3 __attribute__((aligned(128)));
	float f4;
};
struct s73 v_s73;
struct s74 {
	int f0[2];
	unsigned char f1;
};
struct s74 v_s74;
struct s75 {
	__be32 f0[70];
};
struct s75 v_s75;
struct s76 {
	void * f0[16] __attribute__((aligned(4)));
	signed char f1[1] __attribute__((aligned(16)));
	u16 f2;
	struct s8 f3[2];
	struct s5 f4[16];
};
struct s76 v_s76;
struct s77 {
	int f0[2] __attribute__((aligned(4)));
	u64 f1 __attribute__((aligned(1)));
	u64 f2;
};
struct s77 v_s77;
struct s78 {
	struct s4 f0 __attribute__((aligned(1)));
	unsigned char f1[16] __attribute__((aligned(16)));
	int f2[1];
	u32 f3[3] __attribute__((aligned(1)));
};
struct s78 v_s78;
struct s79 {
	u8 f0;
	__le32 f1[4];
	s8 f2[4] __attribute__((aligned(2)));
};
struct s79 v_s79;
