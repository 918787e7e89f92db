#include "tests/kiosk/gui/support/sample_library.hpp"

#include "core/circulation/library_store.hpp"
#include "core/circulation/station.hpp"
#include "core/db/database.hpp"
#include "core/import/catalog_import.hpp"
#include "core/import/reader_import.hpp"
#include "core/library.hpp"
#include "core/textbooks/curriculum.hpp"
#include "kiosk/gui/pin/librarian_pin.hpp"

#include <chrono>
#include <stdexcept>

namespace kitap::testing {

void create_sample_library(const std::filesystem::path& path, const std::optional<std::string>& pin) {
    auto db = core::open_database(path);
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    const std::string readers = std::string("card,name,class,category\n") + SampleLibrary::pupil_a + "," +
                                SampleLibrary::name_a + ",5Ә,pupil\n" + SampleLibrary::pupil_b +
                                ",Петров Иван,7Б,pupil\n" + SampleLibrary::pupil_c + ",Серікова Дана,5Ә,pupil\n";
    const auto imported =
        core::import_readers(db, readers, {.school_year = core::school_year_of(core::local_date(now)), .now = now});
    if (!imported.ok()) throw std::runtime_error("sample readers: " + imported.problems.front().key);
    const std::string catalog = std::string("title,authors,kind,barcodes\n") + "Абай жолы,Мұхтар Әуезов,fiction," +
                                SampleLibrary::copy_1 + " " + SampleLibrary::copy_2 + "\n" +
                                "Қара сөздер,Абай Құнанбайұлы,fiction," + SampleLibrary::copy_3 + "\n";
    const auto catalogued = core::import_catalog(db, catalog, {.now = now});
    if (!catalogued.ok()) throw std::runtime_error("sample catalogue: " + catalogued.problems.front().key);
    const std::string textbooks = std::string("title,isbn,kind,grade,subject,copies\n") + "Математика. 5-сынып," +
                                  SampleLibrary::maths_5 + ",textbook,5,Математика,10\n" + "Қазақ тілі. 5-сынып," +
                                  SampleLibrary::kazakh_5 + ",textbook,5,Қазақ тілі,10\n";
    if (const auto result = core::import_catalog(db, textbooks, {.now = now}); !result.ok())
        throw std::runtime_error("sample textbooks: " + result.problems.front().key);
    const std::string curriculum =
        std::string("grade,language,isbn\n5,kk,") + SampleLibrary::maths_5 + "\n5,kk," + SampleLibrary::kazakh_5 + "\n";
    if (const auto result = core::import_curriculum(db, curriculum, {.now = now}); !result.ok())
        throw std::runtime_error("sample curriculum: " + result.problems.front().key);

    core::LibraryStore store(db);
    core::Station station(store, core::Rules{}, core::StationMode::self, "setup");
    station.handle({.text = SampleLibrary::pupil_b, .source = "setup"}, now);
    const auto lent = station.handle({.text = SampleLibrary::copy_3, .source = "setup"}, now).last();
    if (lent.outcome != core::Outcome::loan) throw std::runtime_error("sample loan was refused");
    if (pin) {
        auto library = core::Library::open(path);
        if (!library || kiosk::store_pin(library->settings(), *pin) != kiosk::PinFormat::ok)
            throw std::runtime_error("sample PIN refused");
    }
}

}  // namespace kitap::testing
