#ifndef NETKB_CCURL_SHIM_H
#define NETKB_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic, which Swift cannot
   call: one typed wrapper per kind of argument. */

/* A write or header callback: (data, 1, length, the transfer's context) -> bytes taken. */
typedef size_t (*netkb_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode netkb_curl_setopt_long(CURL *easy, CURLoption option, long value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode netkb_curl_setopt_string(CURL *easy, CURLoption option, const char *value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode netkb_curl_setopt_pointer(CURL *easy, CURLoption option, void *value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode netkb_curl_setopt_list(CURL *easy, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode netkb_curl_setopt_callback(CURL *easy, CURLoption option, netkb_curl_data_callback value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode netkb_curl_getinfo_long(CURL *easy, CURLINFO info, long *value) {
    return curl_easy_getinfo(easy, info, value);
}

static inline CURLcode netkb_curl_getinfo_off_t(CURL *easy, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(easy, info, value);
}

static inline CURLMcode netkb_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

/* CURL_GLOBAL_DEFAULT is a macro Swift does not import. */
static inline CURLcode netkb_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

#endif
