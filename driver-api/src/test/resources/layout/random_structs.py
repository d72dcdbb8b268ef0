#!/usr/bin/env python3
"""Writes random C structs for PaholeFormatTest's differential check (see README.md).

Usage: random_structs.py SEED COUNT > random-structs.c

Each struct has scalar, kernel-typedef, array and earlier-struct members, some with
__attribute__((aligned(n))); about half are small, to reach gcc's and pahole's corner cases.
The test reads the file back with a parser for exactly this subset of C.
"""
import random
import sys

TYPES = ["char", "signed char", "unsigned char", "short", "unsigned short", "int", "unsigned int",
         "long", "unsigned long", "long long", "unsigned long long", "void *", "float", "double",
         "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64",
         "__le16", "__le32", "__le64", "__be16", "__be32", "__be64"]

random.seed(int(sys.argv[1]))
print("typedef unsigned char u8; typedef unsigned short u16; typedef unsigned int u32; typedef unsigned long long u64;")
print("typedef signed char s8; typedef short s16; typedef int s32; typedef long long s64;")
print("typedef u16 __le16; typedef u32 __le32; typedef u64 __le64; typedef u16 __be16; typedef u32 __be32; typedef u64 __be64;")
structs = []
for i in range(int(sys.argv[2])):
    name = "s%d" % i
    small = random.random() < 0.5
    print("struct %s {" % name)
    for j in range(random.randint(1, 3) if small else random.randint(1, 7)):
        if structs and random.random() < 0.2:
            ctype = "struct " + random.choice(structs)
        else:
            ctype = random.choice(TYPES)
        length = random.choice([0, 0, 0, 1, 2, 3, 4] if small else [0, 0, 0, 1, 2, 3, 5, 16, 70])
        aligned = random.choice([0] * 3 + [1, 2, 4, 8] if small else [0] * 6 + [1, 2, 4, 8, 16, 64, 128])
        print("\t%s f%d%s%s;" % (ctype, j, "[%d]" % length if length else "",
                                 " __attribute__((aligned(%d)))" % aligned if aligned else ""))
    print("};")
    print("struct %s v_%s;" % (name, name))
    structs.append(name)
