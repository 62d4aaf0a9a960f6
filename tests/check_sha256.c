/* check_sha256.c: Check suite for SHA-256, against FIPS 180-4's examples and
 * the padding boundaries, where a one-block and a two-block tail meet. */
#include "check_main.h"
#include "sha256.h"

static const char *hex_of(const char *data, size_t len)
{
    static char hex[SHA256_HEX_LEN + 1];
    sha256_hex(data, len, hex);
    return hex;
}

START_TEST(published_examples)
{
    ck_assert_str_eq(hex_of("", 0),
                     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    ck_assert_str_eq(hex_of("abc", 3),
                     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    ck_assert_str_eq(hex_of(two_blocks, strlen(two_blocks)),
                     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
END_TEST

/* One million 'a', the long FIPS example: many whole blocks, then the tail. */
START_TEST(a_million_a)
{
    char *a = malloc(1000000);
    memset(a, 'a', 1000000);
    ck_assert_str_eq(hex_of(a, 1000000),
                     "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}
END_TEST

/* 55 bytes still fit the length in the last block; 56 need a second one.
 * Figures from sha256sum(1). */
START_TEST(padding_boundaries)
{
    char a[64];
    memset(a, 'a', sizeof a);
    ck_assert_str_eq(hex_of(a, 55),
                     "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    ck_assert_str_eq(hex_of(a, 56),
                     "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    ck_assert_str_eq(hex_of(a, 64),
                     "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}
END_TEST

static Suite *sha256_suite(void)
{
    Suite *s = suite_create("sha256");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, published_examples);
    tcase_add_test(tc, a_million_a);
    tcase_add_test(tc, padding_boundaries);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(sha256_suite(), "check_sha256");
}
