#ifndef NETKB_CCURL_SHIM_H
#define NETKB_CCURL_SHIM_H

#include <dlfcn.h>
#include <stddef.h>
#include <curl/curl.h>

/* netkb does not link libcurl: linking it would load libcurl and the thirty libraries it needs
   (OpenSSL, nghttp2, LDAP, Kerberos, GnuTLS through LDAP, ...) at every start of netkb, which
   costs milliseconds that only `check --external` uses. netkb_curl_load opens libcurl when the
   external check first needs it and fills this table with its functions. */
typedef struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *easy);
    /* curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic, which Swift can
       neither call nor import as a type: kept untyped, called through the wrappers below. */
    void *easy_setopt;
    void *easy_getinfo;
    const char *(*easy_strerror)(CURLcode code);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *text);
    void (*slist_free_all)(struct curl_slist *list);
    CURLM *(*multi_init)(void);
    void *multi_setopt;
    CURLMcode (*multi_add_handle)(CURLM *multi, CURL *easy);
    CURLMcode (*multi_remove_handle)(CURLM *multi, CURL *easy);
    CURLMcode (*multi_perform)(CURLM *multi, int *running);
    CURLMsg *(*multi_info_read)(CURLM *multi, int *queued);
    CURLMcode (*multi_poll)(CURLM *multi, struct curl_waitfd *extra, unsigned int extra_count, int timeout_ms, int *ready);
    CURLMcode (*multi_wakeup)(CURLM *multi);
    CURLMcode (*multi_cleanup)(CURLM *multi);
} netkb_curl_api;

/* Opens libcurl, fills `api` and runs curl_global_init. Returns NULL, or what went wrong.
   Call once per process. */
static inline const char *netkb_curl_load(netkb_curl_api *api) {
#ifdef __APPLE__
    void *library = dlopen("libcurl.4.dylib", RTLD_NOW | RTLD_LOCAL);
#else
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
#endif
    if (library == NULL) return dlerror();
#define NETKB_CURL_FUNCTION(field, name) \
    if ((*(void **)&api->field = dlsym(library, name)) == NULL) return "libcurl has no " name;
    NETKB_CURL_FUNCTION(global_init, "curl_global_init")
    NETKB_CURL_FUNCTION(easy_init, "curl_easy_init")
    NETKB_CURL_FUNCTION(easy_cleanup, "curl_easy_cleanup")
    NETKB_CURL_FUNCTION(easy_setopt, "curl_easy_setopt")
    NETKB_CURL_FUNCTION(easy_getinfo, "curl_easy_getinfo")
    NETKB_CURL_FUNCTION(easy_strerror, "curl_easy_strerror")
    NETKB_CURL_FUNCTION(slist_append, "curl_slist_append")
    NETKB_CURL_FUNCTION(slist_free_all, "curl_slist_free_all")
    NETKB_CURL_FUNCTION(multi_init, "curl_multi_init")
    NETKB_CURL_FUNCTION(multi_setopt, "curl_multi_setopt")
    NETKB_CURL_FUNCTION(multi_add_handle, "curl_multi_add_handle")
    NETKB_CURL_FUNCTION(multi_remove_handle, "curl_multi_remove_handle")
    NETKB_CURL_FUNCTION(multi_perform, "curl_multi_perform")
    NETKB_CURL_FUNCTION(multi_info_read, "curl_multi_info_read")
    NETKB_CURL_FUNCTION(multi_poll, "curl_multi_poll")
    NETKB_CURL_FUNCTION(multi_wakeup, "curl_multi_wakeup")
    NETKB_CURL_FUNCTION(multi_cleanup, "curl_multi_cleanup")
#undef NETKB_CURL_FUNCTION
    if (api->global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return "curl_global_init failed";
    return NULL;
}

/* The variadic calls, one typed wrapper per kind of argument. */

typedef CURLcode (*netkb_curl_setopt_function)(CURL *, CURLoption, ...);
typedef CURLcode (*netkb_curl_getinfo_function)(CURL *, CURLINFO, ...);
typedef CURLMcode (*netkb_curl_multi_setopt_function)(CURLM *, CURLMoption, ...);

/* A write or header callback: (data, 1, length, the transfer's context) -> bytes taken. */
typedef size_t (*netkb_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode netkb_curl_setopt_long(const netkb_curl_api *api, CURL *easy, CURLoption option, long value) {
    return ((netkb_curl_setopt_function)api->easy_setopt)(easy, option, value);
}

static inline CURLcode netkb_curl_setopt_string(const netkb_curl_api *api, CURL *easy, CURLoption option, const char *value) {
    return ((netkb_curl_setopt_function)api->easy_setopt)(easy, option, value);
}

static inline CURLcode netkb_curl_setopt_pointer(const netkb_curl_api *api, CURL *easy, CURLoption option, void *value) {
    return ((netkb_curl_setopt_function)api->easy_setopt)(easy, option, value);
}

static inline CURLcode netkb_curl_setopt_callback(const netkb_curl_api *api, CURL *easy, CURLoption option, netkb_curl_data_callback value) {
    return ((netkb_curl_setopt_function)api->easy_setopt)(easy, option, value);
}

static inline CURLcode netkb_curl_getinfo_long(const netkb_curl_api *api, CURL *easy, CURLINFO info, long *value) {
    return ((netkb_curl_getinfo_function)api->easy_getinfo)(easy, info, value);
}

static inline CURLcode netkb_curl_getinfo_off_t(const netkb_curl_api *api, CURL *easy, CURLINFO info, curl_off_t *value) {
    return ((netkb_curl_getinfo_function)api->easy_getinfo)(easy, info, value);
}

static inline CURLMcode netkb_curl_multi_setopt_long(const netkb_curl_api *api, CURLM *multi, CURLMoption option, long value) {
    return ((netkb_curl_multi_setopt_function)api->multi_setopt)(multi, option, value);
}

#endif
