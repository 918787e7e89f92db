#pragma once

// Owners of yaz's C handles, shared by the reader and the writer: each is freed
// however its user returns.
#include <libxml/tree.h>
#include <yaz/marcdisp.h>
#include <yaz/wrbuf.h>
#include <yaz/yaz-iconv.h>

#include <memory>
#include <string>

namespace kitap::marc {

struct YazMarcFree {
    void operator()(yaz_marc_t handle) const { yaz_marc_destroy(handle); }
};
using YazMarc = std::unique_ptr<std::remove_pointer_t<yaz_marc_t>, YazMarcFree>;

struct WrbufFree {
    void operator()(WRBUF buffer) const { wrbuf_destroy(buffer); }
};
using Wrbuf = std::unique_ptr<std::remove_pointer_t<WRBUF>, WrbufFree>;

struct YazIconvFree {
    void operator()(yaz_iconv_t converter) const { yaz_iconv_close(converter); }
};
using YazIconv = std::unique_ptr<std::remove_pointer_t<yaz_iconv_t>, YazIconvFree>;

struct XmlNodeFree {
    void operator()(xmlNode* node) const { xmlFreeNode(node); }
};
using XmlNode = std::unique_ptr<xmlNode, XmlNodeFree>;

struct XmlDocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

inline std::string text_of(WRBUF buffer) { return {wrbuf_cstr(buffer), wrbuf_len(buffer)}; }

}  // namespace kitap::marc
