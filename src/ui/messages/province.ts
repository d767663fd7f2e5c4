import type { Entry } from './entry.js';

/** The provincial database: kim init --province, kim merge, and what the province may not change. */
export const provinceMessages = {
  'init.province': {
    id: 'Provinsi: {code} {name} — {regencies} kabupaten/kota, {districts} kecamatan, {villages} desa/kelurahan. Gabungkan berkas kantor dengan `kim merge <berkas.sqlite…>`.',
    en: 'Province: {code} {name} — {regencies, plural, one {# regency or city} other {# regencies and cities}}, {districts, plural, one {# district} other {# districts}}, {villages, plural, one {# village} other {# villages}}. Merge the offices\' files with `kim merge <file.sqlite…>`.',
  },
  'init.provinceAndRegency': {
    id: '--province dan --regency tidak bisa dipakai bersama: basis data provinsi menggabungkan kantor-kantor, basis data kantor memegang satu kabupaten/kota. Pilih salah satu.',
    en: '--province and --regency cannot go together: a provincial database merges the offices, an office\'s database holds one regency. Choose one.',
  },
  'init.officeNotProvince': {
    id: '{path} adalah basis data kantor {regency}; basis data provinsi dibuat sebagai berkas baru, mis. `kim --db provinsi.sqlite init --province <kode|nama>`. Tidak ada yang diubah.',
    en: '{path} is the database of the office of {regency}; a provincial database is a new file, e.g. `kim --db province.sqlite init --province <code|name>`. Nothing was changed.',
  },
  'init.provinceNotOffice': {
    id: '{path} adalah basis data Provinsi {province}; kabupaten/kota diatur di basis data kantornya sendiri. Tidak ada yang diubah.',
    en: '{path} is the provincial database of {province}; a regency is set in its office\'s own database. Nothing was changed.',
  },
  'init.provinceHasMerges': {
    id: '{path} sudah memegang data kantor-kantor Provinsi {province}; provinsinya tidak bisa diganti. Buat berkas baru untuk provinsi lain. Tidak ada yang diubah.',
    en: '{path} already holds the offices\' data of {province}; its province cannot change. Make a new file for another province. Nothing was changed.',
  },
  'province.owned': {
    id: '"{name}" (id {id}) milik kantor {office} ({code}), digabung dari berkasnya: ubah di kantor itu, lalu gabungkan berkasnya lagi dengan `kim merge`. Tidak ada yang diubah.',
    en: '"{name}" (id {id}) belongs to the office of {office} ({code}) and was merged from its file: change it at that office, then merge its file again with `kim merge`. Nothing was changed.',
  },
  'province.noImport': {
    id: 'Ini basis data Provinsi {province}: ia memegang KIM yang dikirim kantor-kantor, bukan daftar pengurus sendiri. Impor daftar pengurus di kantor kabupaten/kotanya, lalu gabungkan berkas kantor itu dengan `kim merge`. Tidak ada yang diubah.',
    en: 'This is the provincial database of {province}: it holds the KIMs its offices send, no rosters of its own. Import a roster at the office of its regency, then merge that office\'s file with `kim merge`. Nothing was changed.',
  },
  'province.noNumbering': {
    id: 'Ini basis data Provinsi {province}: nomor induk diberikan oleh tiap kantor, provinsi tidak pernah memberi nomor. Tidak ada yang diubah.',
    en: 'This is the provincial database of {province}: numbers are given by each office; the province never numbers. Nothing was changed.',
  },
  'merge.notProvince': {
    id: '{path} adalah basis data kantor, bukan basis data provinsi. Buat basis data provinsi dengan `kim --db provinsi.sqlite init --province <kode|nama>`, lalu gabungkan ke sana. Tidak ada yang digabung.',
    en: '{path} is an office\'s database, not a provincial one. Make a provincial database with `kim --db province.sqlite init --province <code|name>` and merge into it. Nothing was merged.',
  },
  'merge.missing': {
    id: 'Berkas kantor {path} tidak ada. Periksa namanya dan foldernya; tidak ada yang digabung.',
    en: 'There is no office file {path}. Check its name and folder; nothing was merged.',
  },
  'merge.notFile': {
    id: '{path} bukan berkas. Sebutkan berkas .sqlite tiap kantor (mis. kiriman/*.sqlite); tidak ada yang digabung.',
    en: '{path} is not a file. Name each office\'s .sqlite file (e.g. kiriman/*.sqlite); nothing was merged.',
  },
  'merge.cantOpen': {
    id: 'Berkas kantor {path} tidak dapat dibuka: {reason}. Periksa izinnya, atau minta salinan dari `kim backup`; tidak ada yang digabung.',
    en: 'Cannot open the office file {path}: {reason}. Check its permissions, or ask for a copy made with `kim backup`; nothing was merged.',
  },
  'merge.damaged': {
    id: 'Berkas kantor {path} rusak ({reason}). Minta kantor mengirim salinan baru dari `kim backup` (salinannya diperiksa saat dibuat); tidak ada yang digabung.',
    en: 'The office file {path} is damaged ({reason}). Ask the office for a new copy made with `kim backup` (which checks its copy); nothing was merged.',
  },
  'merge.newer': {
    id: 'Berkas kantor {path} ditulis oleh kim yang lebih baru (skema {version}, versi ini mengenal sampai {supported}). Perbarui kim di provinsi; tidak ada yang digabung.',
    en: 'The office file {path} was written by a newer kim (schema {version}; this version knows up to {supported}). Update kim at the province; nothing was merged.',
  },
  'merge.notKim': {
    id: '{path} bukan basis data kim milik kantor. Minta salinan dari `kim backup` di kantor itu; tidak ada yang digabung.',
    en: '{path} is not an office\'s kim database. Ask that office for a copy made with `kim backup`; nothing was merged.',
  },
  'merge.provincialFile': {
    id: '{path} adalah basis data provinsi, bukan basis data kantor; yang digabung hanya berkas kantor. Tidak ada yang digabung.',
    en: '{path} is a provincial database, not an office\'s; only offices\' files are merged. Nothing was merged.',
  },
  'merge.noRegency': {
    id: '{path} adalah basis data kim tanpa kabupaten/kota kantor. Kantor itu perlu menjalankan `kim init --regency <kode|nama>` lalu mengirim salinannya lagi; tidak ada yang digabung.',
    en: '{path} is a kim database without an office regency. That office needs to run `kim init --regency <code|name>` and send its copy again; nothing was merged.',
  },
  'merge.otherProvince': {
    id: '{path} adalah basis data kantor {regency}, yang tidak termasuk Provinsi {province}. Tidak ada yang digabung.',
    en: '{path} is the database of the office of {regency}, which is not in {province}. Nothing was merged.',
  },
  'merge.sameRegency': {
    id: '{first} dan {second} sama-sama dari kantor {regency}. Gabungkan satu berkas per kantor (yang terbaru); tidak ada yang digabung.',
    en: '{first} and {second} both come from the office of {regency}. Merge one file per office (the latest); nothing was merged.',
  },
  'merge.changedMeanwhile': {
    id: 'Berkas kantor {path} diganti dengan basis data lain selama penggabungan. Ulangi `kim merge`; kantor-kantor sebelumnya sudah tergabung.',
    en: 'The office file {path} was replaced by another database during the merge. Run `kim merge` again; the offices before it are merged.',
  },
  'merge.progress': { id: 'Menggabung', en: 'Merging' },
  'merge.batchesTitle': { id: 'Batch penggabungan', en: 'Merge batches' },
  'merge.none': { id: 'Belum ada penggabungan. Mulai dengan `kim merge <berkas-kantor.sqlite…>`.', en: 'No merges yet. Start with `kim merge <office-file.sqlite…>`.' },
  'merge.title': { id: 'Penggabungan kantor', en: 'Offices merged' },
  'merge.col.regency': { id: 'Kabupaten/kota', en: 'Regency' },
  'merge.col.file': { id: 'Berkas', en: 'File' },
  'merge.col.communities': { id: 'KIM baru/ganti/hapus', en: 'KIMs new/repl/rem' },
  'merge.col.officers': { id: 'Pengurus baru/ganti/hapus', en: 'Officers new/repl/rem' },
  'merge.col.validatedAt': { id: 'Divalidasi kantor', en: 'Validated by office' },
  'merge.unchangedOffice': { id: 'tidak berubah', en: 'unchanged' },
  'merge.done': {
    id: 'Batch {batch}: {changed} kantor digabung ({unchanged} tidak berubah). `kim undo {batch}` membatalkannya.',
    en: 'Batch {batch}: {changed, plural, one {# office} other {# offices}} merged ({unchanged} unchanged). `kim undo {batch}` reverts it.',
  },
  'merge.nothing': {
    id: 'Tidak ada yang berubah: basis data provinsi sudah memegang isi berkas-berkas ini.',
    en: 'Nothing changed: the provincial database already holds what these files hold.',
  },
  'merge.notValidated': {
    id: 'Kantor {regency} belum pernah memvalidasi KIM-nya: status memenuhi syarat di provinsi kosong sampai kantor menjalankan `kim validate` dan mengirim berkasnya lagi.',
    en: 'The office of {regency} has never validated its KIMs: their compliance stays unknown at the province until the office runs `kim validate` and sends its file again.',
  },
  'report.col.regency': { id: 'Kabupaten/Kota', en: 'Regency/city' },
  'show.field.office': { id: 'Milik kantor', en: 'Office' },
  'show.officeLine': { id: '{name} ({code}); digabung dari berkas kantornya, diubah hanya di sana', en: '{name} ({code}); merged from its file, changed only there' },
  'export.col.regency': { id: 'Kabupaten/Kota', en: 'Regency/city' },
  'export.col.regencyCode': { id: 'Kode kabupaten/kota', en: 'Regency code' },
  'menu.province': { id: 'Provinsi: {name} ({code}) · {merged} dari {regencies} kabupaten/kota sudah digabung', en: 'Province: {name} ({code}) · {merged} of {regencies} regencies merged' },
  'menu.item.merge': { id: 'Gabungkan berkas kantor', en: "Merge the offices' files" },
  'menu.item.merge.hint': { id: 'berkas .sqlite kiriman kantor kabupaten/kota (kim backup)', en: 'the .sqlite files the regency offices send (kim backup)' },
  'menu.merge.where': { id: 'Folder berisi berkas kantor (atau satu berkas .sqlite):', en: "Folder holding the offices' files (or one .sqlite file):" },
  'menu.merge.none': { id: 'Tidak ada berkas .sqlite di {folder}.', en: 'There is no .sqlite file in {folder}.' },
  'menu.recap.scope': { id: 'Rekap siapa?', en: 'Whose recap?' },
  'menu.recap.byRegency': { id: 'Seluruh provinsi, satu baris per kabupaten/kota', en: 'The whole province, a row per regency' },
  'list.col.regency': { id: 'Kabupaten/Kota', en: 'Regency/city' },
  'report.col.mergedAt': { id: 'Digabung', en: 'Merged' },
  'report.recap.province': { id: 'Provinsi {name}', en: 'Province of {name}' },
  'report.recap.notMerged': { id: 'belum digabung', en: 'not merged yet' },
  'report.recap.missingOffices': {
    id: '{count} dari {total} kabupaten/kota belum digabung; angkanya kosong dan tidak ikut jumlah: {names}. Gabungkan berkas kantornya dengan `kim merge`.',
    en: '{count} of {total} regencies have not been merged yet; their figures are empty and not in the total: {names}. Merge their offices\' files with `kim merge`.',
  },
  'report.recap.unplacedOffices': {
    id: '{count} KIM tidak masuk rekap karena kantornya mencatatnya di luar kecamatan kabupaten/kotanya sendiri (seperti di rekap kantor itu). Lihat `kim validate` (LEG-REGION).',
    en: '{count, plural, one {# KIM is} other {# KIMs are}} left out because their office holds them outside its own regency\'s districts (as that office\'s recap leaves them out). See `kim validate` (LEG-REGION).',
  },
  'report.regencyOutside': {
    id: '{regency} tidak termasuk Provinsi {province}. Pilih kabupaten/kota provinsi ini (lihat `kim report recap --by regency`).',
    en: '{regency} is not in {province}. Choose a regency of this province (see `kim report recap --by regency`).',
  },
  'report.regencyNotMerged': {
    id: 'Kantor {regency} belum digabung ke basis data provinsi: belum ada rekapnya. Gabungkan berkasnya dengan `kim merge`.',
    en: 'The office of {regency} has not been merged into the provincial database: there is no recap of it yet. Merge its file with `kim merge`.',
  },
  'report.provinceOnly': {
    id: '--by regency dan --regency hanya untuk basis data provinsi (`kim init --province`); rekap kantor ini per kecamatan: `kim report recap --year … --quarter …`.',
    en: '--by regency and --regency are for a provincial database (`kim init --province`); this office\'s recap is per district: `kim report recap --year … --quarter …`.',
  },

  // The desk's twins of the sentences above that name a command line: they name its menu entries.
  'merge.cantOpen.desk': {
    id: 'Berkas kantor {path} tidak dapat dibuka: {reason}. Periksa izinnya, atau minta salinan yang dibuat dengan menu "Cadangkan" kim kantor itu; tidak ada yang digabung.',
    en: 'Cannot open the office file {path}: {reason}. Check its permissions, or ask for a copy made with "Back up" in that office\'s kim menu; nothing was merged.',
  },
  'merge.damaged.desk': {
    id: 'Berkas kantor {path} rusak ({reason}). Minta salinan baru yang dibuat dengan menu "Cadangkan" kim kantor itu (yang memeriksa salinannya); tidak ada yang digabung.',
    en: 'The office file {path} is damaged ({reason}). Ask the office for a new copy made with "Back up" in its kim menu (which checks its copy); nothing was merged.',
  },
  'merge.notKim.desk': {
    id: '{path} bukan basis data kim sebuah kantor. Minta salinan yang dibuat dengan menu "Cadangkan" kim kantor itu; tidak ada yang digabung.',
    en: '{path} is not an office\'s kim database. Ask that office for a copy made with "Back up" in its kim menu; nothing was merged.',
  },
  'merge.noRegency.desk': {
    id: '{path} adalah basis data kim tanpa kabupaten/kota kantor. Kantor itu perlu mengatur kabupaten/kotanya (menu "Pengaturan" kim-nya) lalu mengirim salinannya lagi; tidak ada yang digabung.',
    en: '{path} is a kim database without an office regency. That office needs to set its regency (Settings in its kim menu) and send its copy again; nothing was merged.',
  },
  'merge.changedMeanwhile.desk': {
    id: 'Berkas kantor {path} diganti basis data lain selama penggabungan. Gabungkan lagi; kantor-kantor sebelumnya sudah digabung.',
    en: 'The office file {path} was replaced by another database during the merge. Merge again; the offices before it are merged.',
  },
  'merge.done.desk': {
    id: 'Batch {batch}: {changed} kantor digabung ({unchanged} tidak berubah). "Batalkan impor" di menu dapat membatalkannya.',
    en: 'Batch {batch}: {changed, plural, one {# office} other {# offices}} merged ({unchanged} unchanged). "Undo an import" in the menu reverts it.',
  },
  'merge.notValidated.desk': {
    id: 'Kantor {regency} belum pernah memeriksa KIM-nya: kepatuhannya tetap tidak diketahui di provinsi sampai kantor itu menjalankan pemeriksaan (menu "Tinjau masalah") dan mengirim berkasnya lagi.',
    en: 'The office of {regency} has never validated its KIMs: their compliance stays unknown at the province until the office checks them ("Review problems" in its kim menu) and sends its file again.',
  },
  'report.recap.missingOffices.desk': {
    id: '{count} dari {total} kabupaten/kota belum digabung; angkanya kosong dan tidak ikut dalam jumlah: {names}. Gabungkan berkas kantornya dengan menu "Gabungkan berkas kantor".',
    en: '{count} of {total} regencies have not been merged yet; their figures are empty and not in the total: {names}. Merge their offices\' files with "Merge the offices\' files" in the menu.',
  },
  'report.recap.unplacedOffices.desk': {
    id: '{count} KIM tidak masuk rekap karena kantornya mencatatnya di luar kecamatan kabupaten/kotanya sendiri (seperti di rekap kantor itu). Kantor itu dapat memeriksanya (LEG-REGION).',
    en: '{count, plural, one {# KIM is} other {# KIMs are}} left out because their office holds them outside its own regency\'s districts (as that office\'s recap leaves them out). That office can check them (LEG-REGION).',
  },
} satisfies Record<string, Entry>;
