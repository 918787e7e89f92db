#include "kiosk/marc/marc_writer.hpp"

#include "kiosk/marc/yaz_handles.hpp"

namespace kitap::marc {
namespace {

constexpr std::size_t max_iso2709_length = 99'999;  // five digits in the leader

// The leader, a 12-character directory entry a field, each field with its terminator
// (a data field: two indicators, then a delimiter and a code before each subfield),
// and the record terminator.
std::size_t iso2709_length(const MarcRecord& record) {
    std::size_t length = 24 + 1 + 1;
    for (const auto& field : record.fields) {
        length += 12 + 1 + (field.tag < "010" ? field.data.size() : 2);
        for (const auto& subfield : field.subfields) length += 2 + subfield.value.size();
    }
    return length;
}

// Hands `record` to yaz as if it had read it.
void load(yaz_marc_t yaz, const MarcRecord& record) {
    yaz_marc_reset(yaz);
    int indicator_length = 0, identifier_length = 0, base_address = 0, length_data_entry = 0, length_starting = 0,
        length_implementation = 0;
    yaz_marc_set_leader(yaz, record.leader.c_str(), &indicator_length, &identifier_length, &base_address,
                        &length_data_entry, &length_starting, &length_implementation);
    for (const auto& field : record.fields) {
        if (field.tag < "010") {  // 001-009: control fields
            yaz_marc_add_controlfield(yaz, field.tag.c_str(), field.data.data(), field.data.size());
            continue;
        }
        yaz_marc_add_datafield(yaz, field.tag.c_str(), field.indicators.data(), field.indicators.size());
        for (const auto& subfield : field.subfields) {
            const auto code_and_value = subfield.code + subfield.value;
            yaz_marc_add_subfield(yaz, code_and_value.data(), code_and_value.size());
        }
    }
}

}  // namespace

tl::expected<std::string, MarcWriteFailure> write_marc(const std::vector<MarcRecord>& records, MarcOutput output) {
    const YazMarc yaz(yaz_marc_create());
    const Wrbuf buffer(wrbuf_alloc());
    yaz_marc_xml(yaz.get(), output == MarcOutput::marcxml ? YAZ_MARC_MARCXML : YAZ_MARC_ISO2709);
    if (output == MarcOutput::marcxml) yaz_marc_enable_collection(yaz.get());
    for (std::size_t i = 0; i < records.size(); ++i) {
        load(yaz.get(), records[i]);
        // yaz would leave out the fields past the limit without a word.
        if (output == MarcOutput::iso2709 && iso2709_length(records[i]) > max_iso2709_length)
            return tl::unexpected(MarcWriteFailure{i});
        if (yaz_marc_write_mode(yaz.get(), buffer.get()) != 0) return tl::unexpected(MarcWriteFailure{i});
    }
    yaz_marc_write_trailer(yaz.get(), buffer.get());
    return text_of(buffer.get());
}

}  // namespace kitap::marc
