import type { Entry } from './entry.js';

export const importMessages = {
  'import.setting.columns': {
    id: 'judul kolom yang sudah dipetakan kantor ini, dipakai untuk setiap impor berikutnya (JSON: {"Judul": "field"})',
    en: 'headings this office has mapped, used for every later import (JSON: {"Heading": "field"})',
  },
  'import.setting.columnsBad': {
    id: 'import.columns harus berupa JSON seperti {"Kolom Aneh": "occupation"} dengan field yang dikenal, bukan {value}.',
    en: 'import.columns must be JSON like {"Odd Column": "occupation"} with known fields, not {value}.',
  },
  'import.noFile': {
    id: 'Berkas {path} tidak ada atau tidak bisa dibaca. Periksa nama dan foldernya.',
    en: 'The file {path} does not exist or cannot be read. Check its name and folder.',
  },
  'import.noRows': {
    id: '{files}: ada baris judul, tetapi tidak ada baris pengurus di bawahnya. Tidak ada yang diimpor; tidak ada batch yang dicatat.',
    en: '{files}: there is a header row, but no officer row under it. Nothing was imported; no batch was recorded.',
  },
  'import.nothingImported': {
    id: 'Tidak ada baris yang dapat diimpor, jadi tidak ada batch yang dicatat. Perbaiki baris yang ditolak (--rejects <berkas> menuliskannya) lalu impor lagi.',
    en: 'No row could be imported, so no batch was recorded. Fix the rejected rows (--rejects <file> writes them out) and import again.',
  },
  'import.cantRead': {
    id: 'Akun ini tidak boleh membaca berkas {path}. Salin berkasnya ke folder Anda sendiri atau minta izin baca, lalu impor lagi. Tidak ada yang diubah.',
    en: 'This account may not read the file {path}. Copy it to a folder of your own or ask for read permission, then import it again. Nothing was changed.',
  },
  'import.empty': {
    id: 'Berkas {file} kosong. Simpan ulang daftar pengurus sebagai CSV lalu impor lagi.',
    en: 'The file {file} is empty. Save the roster as CSV again and import it again.',
  },
  'import.notCsvExcel': {
    id: '{file} adalah buku kerja Excel, bukan CSV. Di Excel pilih File › Simpan Sebagai › "CSV (dipisah koma)", lalu impor berkas .csv itu. Tidak ada yang diubah.',
    en: '{file} is an Excel workbook, not a CSV. In Excel choose File › Save As › "CSV (Comma delimited)", then import that .csv file. Nothing was changed.',
  },
  'import.notCsvBinary': {
    id: '{file} bukan berkas teks CSV. Impor daftar pengurus yang disimpan sebagai CSV. Tidak ada yang diubah.',
    en: '{file} is not a CSV text file. Import a roster saved as CSV. Nothing was changed.',
  },
  'import.noHeader': {
    id: 'Tidak ditemukan baris judul kolom daftar pengurus di {file} (mis. "Nama KIM", "Nama", "NIK"). Periksa berkasnya, atau petakan kolom dengan --map "Judul=field". Tidak ada yang diubah.',
    en: 'No roster header row found in {file} (e.g. "Nama KIM", "Nama", "NIK"). Check the file, or map columns with --map "Heading=field". Nothing was changed.',
  },
  'import.missingColumns': {
    id: '{file} tidak punya kolom untuk: {fields}. Tambahkan kolomnya atau petakan dengan --map "Judul Kolom=field". Tidak ada yang diubah.',
    en: '{file} has no column for: {fields}. Add the column or map it with --map "Column Heading=field". Nothing was changed.',
  },
  'import.missingColumnsClosest': {
    id: '{file} tidak punya kolom untuk: {fields}. Judul yang paling mendekati: {headings}; bila itu kolomnya, petakan dengan --map "Judul Kolom=field". Tidak ada yang diubah.',
    en: '{file} has no column for: {fields}. The closest heading is {headings}; if that is the column, map it with --map "Column Heading=field". Nothing was changed.',
  },
  'import.badMap': {
    id: '--map "{value}" tidak dapat dipakai. Tulis "Judul Kolom=field", dengan field salah satu dari: {fields}.',
    en: '--map "{value}" cannot be used. Write "Column Heading=field", where field is one of: {fields}.',
  },
  'import.badEncoding': {
    id: 'Encoding "{value}" tidak dikenal. Pilihan: {allowed}.',
    en: 'Unknown encoding "{value}". Choose one of: {allowed}.',
  },
  'import.badDelimiter': {
    id: 'Pemisah "{value}" tidak dikenal. Pakai auto, ",", ";", "|" atau tab.',
    en: 'Unknown delimiter "{value}". Use auto, ",", ";", "|" or tab.',
  },
  'import.tooManyRejected': {
    id: 'Lebih dari {max} baris ditolak (di {file} mulai baris {row}): susunan berkas itu tidak sesuai baris judulnya. Periksa pemisah kolom, baris judul dan tanda kutip, lalu impor lagi. Tidak ada yang diubah.',
    en: 'More than {max, plural, one {# row was} other {# rows were}} rejected (in {file} from row {row} on): the file is not laid out as its header row says. Check the delimiter, the header row and the quote marks, then import again. Nothing was changed.',
  },
  'import.outOfMemory': {
    id: 'Impor membutuhkan memori lebih dari batasnya ({reason}). Pecah berkas menjadi beberapa berkas yang lebih kecil lalu impor satu per satu. Tidak ada yang diubah.',
    en: 'The import needed more memory than it is allowed ({reason}). Split the file into smaller ones and import them one by one. Nothing was changed.',
  },
  'import.fileChanged': {
    id: '{file} berubah selama impor. Tunggu sampai berkas selesai disimpan, lalu impor lagi. Tidak ada yang diubah.',
    en: '{file} changed during the import. Wait until the file is saved, then import again. Nothing was changed.',
  },
  'import.strictRejected': {
    id: '--strict: {count} baris ditolak, jadi seluruh impor dibatalkan. Perbaiki baris yang disebut di atas (--rejects <berkas.csv> menuliskannya) lalu impor lagi. Tidak ada yang diubah.',
    en: '--strict: {count, plural, one {# row was} other {# rows were}} rejected, so the whole import was cancelled. Fix the rows listed above (--rejects <file.csv> writes them out) and import again. Nothing was changed.',
  },
  'import.strictRejectedWritten': {
    id: '--strict: {count} baris ditolak, jadi seluruh impor dibatalkan. Perbaiki baris di {path} lalu impor lagi. Tidak ada yang diubah.',
    en: '--strict: {count, plural, one {# row was} other {# rows were}} rejected, so the whole import was cancelled. Fix the rows in {path} and import again. Nothing was changed.',
  },
  'import.reject.noCommunityName': { id: 'nama KIM kosong', en: 'the KIM name is empty' },
  'import.reject.noOfficerName': { id: 'nama pengurus kosong', en: 'the officer name is empty' },
  'import.reject.invalidCharacter': {
    id: 'karakter tidak sah di kolom "{heading}" (ditampilkan sebagai �): sebagian berkas tersimpan dengan encoding lain. Ketik ulang isi sel itu',
    en: 'invalid character in column "{heading}" (shown as �): part of the file was saved in another encoding. Type that cell again',
  },
  'import.reject.tooManyCells': {
    id: 'jumlah sel {count}, padahal judul kolom {expected}: ada pemisah berlebih di baris ini',
    en: '{count, plural, one {# cell} other {# cells}} where the header has {expected}: this row has extra delimiters',
  },
  'import.reject.tooFewCells': {
    id: 'jumlah sel {count}, padahal judul kolom {expected}: ada sel yang hilang di baris ini',
    en: '{count, plural, one {# cell} other {# cells}} where the header has {expected}: cells are missing in this row',
  },
  'import.reject.brokenQuoting': {
    id: 'tanda petik (") tidak berpasangan; perbaiki baris ini di spreadsheet',
    en: 'unbalanced quote marks ("); fix this row in the spreadsheet',
  },
  'import.reject.lineTooLong': {
    id: 'baris terlalu panjang (lebih dari 8 MB) untuk sebuah daftar pengurus',
    en: 'the line is too long (over 8 MB) for a roster',
  },
  'import.reject.nikConflict': {
    id: 'NIK {nik} sudah dipakai baris {firstRow} untuk pengurus lain ({otherName}) di KIM yang sama',
    en: 'NIK {nik} was already given on row {firstRow} to another officer ({otherName}) of the same KIM',
  },
  'import.reject.numberTaken': {
    id: 'nomor induk {number} sudah dipakai KIM lain ({other})',
    en: 'community number {number} is already used by another KIM ({other})',
  },
  'import.reject.numberMismatch': {
    id: 'KIM ini sudah bernomor induk {current}, bukan {number}',
    en: 'this KIM already has community number {current}, not {number}',
  },
  'import.rejectsHeader': { id: 'Alasan penolakan', en: 'Rejection reason' },
  'import.rejectsRow': { id: 'Baris', en: 'Row' },
  'import.fileLine': {
    id: '{file}: {rows} baris, encoding {encoding}, pemisah {delimiter}',
    en: '{file}: {rows, plural, one {# row} other {# rows}}, encoding {encoding}, delimiter {delimiter}',
  },
  'import.headerAt': {
    id: '{file}: judul kolom di baris {rows}',
    en: '{file}: headings on row {rows}',
  },
  'import.skipped': {
    id: '{file}: dilewati (tidak diimpor, tidak ditolak): {what}.',
    en: '{file}: skipped (neither imported nor rejected): {what}.',
  },
  'import.skipped.title': { id: 'baris judul atau halaman: {count}', en: 'title or page rows: {count}' },
  'import.skipped.columnNumbers': { id: 'baris nomor kolom: {count}', en: 'column-number rows: {count}' },
  'import.skipped.totals': { id: 'baris JUMLAH: {count}', en: 'total rows: {count}' },
  'import.skipped.signature': { id: 'baris tanda tangan atau catatan di bawah tabel: {count}', en: 'signature or note rows under the table: {count}' },
  'import.skipped.repeatedHeaders': { id: 'baris judul kolom yang berulang: {count}', en: 'repeated header rows: {count}' },
  'import.carried': {
    id: '{file}: sel gabungan: nama KIM, desa, SK dan isian KIM lain dari baris pertama tiap KIM dipakai juga untuk {count} baris pengurus di bawahnya.',
    en: '{file}: merged cells: the KIM name, village, SK and other KIM cells of each KIM\'s first row were carried down to {count, plural, one {# officer row} other {# officer rows}} below it.',
  },
  'import.excelErrors': {
    id: '{file}: {count} sel berisi galat Excel (#N/A, #REF!…) dan dibaca kosong. Periksa rumus di berkasnya.',
    en: '{file}: {count, plural, one {# cell holds} other {# cells hold}} an Excel error (#N/A, #REF!…), read as blank. Check the formulas in the file.',
  },
  'import.rolesCarried': {
    id: '{file}: sel jabatan gabungan: {count} baris pengurus tanpa jabatan memakai jabatan anggota dari baris di atasnya.',
    en: '{file}: merged role cells: {count, plural, one {# officer row} other {# officer rows}} without a role took the member\'s role of the row above.',
  },
  'import.byWords': {
    id: '{file}: kolom dikenali dari kata-katanya: {columns}.',
    en: '{file}: columns recognised by their words: {columns}.',
  },
  'import.unclearColumns': {
    id: '{file}: kolom belum jelas, tidak diimpor: {columns}. Bila benar, petakan dengan --map "Judul=field".',
    en: '{file}: columns not clear enough, not imported: {columns}. If one is right, map it with --map "Heading=field".',
  },
  'import.rejectsOntoRoster': {
    id: '--rejects {path} adalah daftar yang diimpor ({roster}): berkas itu akan tertimpa. Pilih nama lain, mis. ditolak.csv. Tidak ada yang diubah.',
    en: '--rejects {path} is the roster being imported ({roster}): it would be overwritten. Choose another name, e.g. rejected.csv. Nothing was changed.',
  },
  'import.suspectColumn': {
    id: '{file}: kolom "{heading}" dibaca sebagai {field}, tetapi isinya tampak seperti {shape}. Periksa judul kolom itu; bila salah, batalkan impor ini (kim undo) dan impor lagi dengan --map "{heading}={key}".',
    en: '{file}: the column "{heading}" was read as {field}, but its values look like {shape}. Check that heading; if it is wrong, undo this import (kim undo) and import again with --map "{heading}={key}".',
  },
  'import.unclearColumn': { id: '"{heading}" ({fields}?)', en: '"{heading}" ({fields}?)' },
  'import.blind': {
    id: '{file} tidak punya kolom untuk: {needs}. Aturan {rules} tidak dapat memeriksa yang tidak ditulis berkas ini.',
    en: '{file} has no column for: {needs}. The rules {rules} cannot check what this file does not say.',
  },
  'import.conflictsTitle': { id: 'Isian yang bertentangan dalam satu berkas (yang pertama dipakai)', en: 'Values that disagree within one file (the first one stands)' },
  'import.conflictsMore': {
    id: '{count} isian bertentangan; {shown} pertama ditampilkan.',
    en: '{count, plural, one {# disagreeing value} other {# disagreeing values}}; the first {shown} are shown.',
  },
  'import.conflictsHint': {
    id: '{count} isian di berkas berbeda dengan isian baris lain untuk KIM atau pengurus yang sama; nilai baris pertama dipakai. Periksa berkasnya, lalu perbaiki dengan `kim edit` bila perlu.',
    en: '{count, plural, one {# value in the file differs} other {# values in the file differ}} from another row about the same KIM or officer; the first row\'s value stands. Check the file, then fix with `kim edit` if needed.',
  },
  'import.officeConflictsTitle': {
    id: 'Perubahan kantor sejak impor terakhir yang tetap dipakai, padahal berkas membawa isian lain',
    en: "The office's changes since the last import that stand, where the file brings another value",
  },
  'import.officeConflicts': {
    id: '{count} isian berkas tidak dipakai karena kantor sudah mengubahnya sejak impor terakhir. Untuk memakai isian berkas, impor lagi dengan --prefer-file, atau pilih satu per satu di menu `kim`.',
    en: "{count, plural, one {# value of the file was} other {# values of the file were}} not taken because the office changed them since the last import. To take the file's, import again with --prefer-file, or choose one by one in the `kim` menu.",
  },
  'import.officeConflictsDryRun': {
    id: '{count} isian berkas berbeda dengan perubahan kantor sejak impor terakhir; perubahan kantor akan tetap dipakai (--prefer-file untuk memakai isian berkas).',
    en: "{count, plural, one {# value of the file differs} other {# values of the file differ}} from the office's changes since the last import; the office's will stand (--prefer-file takes the file's).",
  },
  'import.col.officer': { id: 'Pengurus', en: 'Officer' },
  'import.col.field': { id: 'Kolom', en: 'Field' },
  'import.col.kept': { id: 'Dipakai', en: 'Kept' },
  'import.col.fileValue': { id: 'Isian berkas', en: 'File value' },
  'import.col.other': { id: 'Isian lain', en: 'Other value' },
  'import.unknownColumns': {
    id: 'Kolom tidak dikenal, tidak diimpor: {columns}. Petakan dengan --map "Judul=field" bila perlu.',
    en: 'Unknown columns, not imported: {columns}. Map them with --map "Heading=field" if needed.',
  },
  'import.duplicateColumns': {
    id: 'Kolom ganda, tidak dipakai (kolom lain sudah memberi isian yang sama): {columns}.',
    en: 'Repeated columns, not used (another column gives the same field): {columns}.',
  },
  'import.rolesAcross': {
    id: '{file} memuat satu baris per KIM dengan kolom untuk tiap jabatan ({headings}); kim membaca satu pengurus per baris. Susun ulang berkasnya: satu baris per pengurus, dengan kolom Jabatan. Tidak ada yang diubah.',
    en: '{file} has one row per KIM with columns for each role ({headings}); kim reads one officer per row. Rearrange the file: one row per officer, with a role column. Nothing was changed.',
  },
  'import.sameFileAgain': {
    id: '{file} sama persis dengan berkas batch {batch}; tidak ada yang berubah.',
    en: '{file} is identical to the file of batch {batch}; nothing changes.',
  },
  'import.sameFileAgainChanged': {
    id: '{file} sama persis dengan berkas batch {batch}, tetapi data berubah sejak itu: lihat rencananya di bawah.',
    en: '{file} is identical to the file of batch {batch}, but the data changed since: see the plan below.',
  },
  'import.noRegency': {
    id: 'Catatan: kabupaten/kota kantor belum diatur, jadi kecamatan dan desa dicari di seluruh Indonesia. Jalankan `kim init --regency <kode|nama>`.',
    en: 'Note: the office regency is not set, so districts and villages are looked up across Indonesia. Run `kim init --regency <code|name>`.',
  },
  'import.summaryTitle': { id: 'Hasil impor', en: 'Import result' },
  'import.dryRunTitle': { id: 'Rencana impor (uji coba, tidak ada yang ditulis)', en: 'Import plan (dry run, nothing written)' },
  'import.refusedTitle': { id: 'Rencana impor (dibatalkan karena --strict, tidak ada yang ditulis)', en: 'Import plan (cancelled by --strict, nothing written)' },
  'import.col.what': { id: 'Data', en: 'Records' },
  'import.col.created': { id: 'Baru', en: 'Created' },
  'import.col.updated': { id: 'Diperbarui', en: 'Updated' },
  'import.col.unchanged': { id: 'Tetap', en: 'Unchanged' },
  'import.col.ended': { id: 'Diakhiri', en: 'Ended' },
  'import.col.communities': { id: 'KIM', en: 'Communities' },
  'import.col.officers': { id: 'Pengurus', en: 'Officers' },
  'import.rejectedTitle': { id: 'Baris ditolak', en: 'Rejected rows' },
  'import.col.file': { id: 'Berkas', en: 'File' },
  'import.col.row': { id: 'Baris', en: 'Row' },
  'import.col.column': { id: 'Kolom', en: 'Column' },
  'import.col.reason': { id: 'Alasan', en: 'Reason' },
  'import.col.action': { id: 'Tindakan', en: 'Action' },
  'import.col.community': { id: 'KIM', en: 'Community' },
  'import.col.village': { id: 'Desa/Kelurahan', en: 'Village' },
  'import.action.create': { id: 'baru', en: 'create' },
  'import.action.update': { id: 'perbarui', en: 'update' },
  'import.action.unchanged': { id: 'tetap', en: 'unchanged' },
  'import.batchDone': {
    id: 'Tersimpan sebagai batch {batch}. Batalkan dengan `kim undo {batch}` bila keliru; lanjutkan dengan `kim validate`.',
    en: 'Saved as batch {batch}. Undo it with `kim undo {batch}` if it was a mistake; next, run `kim validate`.',
  },
  'import.dryRunDone': {
    id: 'Uji coba: tidak ada yang ditulis. Jalankan tanpa --dry-run untuk menyimpan.',
    en: 'Dry run: nothing was written. Run again without --dry-run to save it.',
  },
  'import.rejectsWritten': {
    id: '{count} baris ditolak ditulis ke {path}: perbaiki lalu impor berkas itu lagi.',
    en: '{count, plural, one {# rejected row} other {# rejected rows}} written to {path}: fix them and import that file again.',
  },
  'import.rejectedHint': {
    id: '{count} baris ditolak; baris lain sudah diimpor. Tambahkan --rejects <berkas.csv> untuk mendapat daftar yang bisa diperbaiki.',
    en: '{count, plural, one {# row} other {# rows}} rejected; the other rows were imported. Add --rejects <file.csv> to get a list you can fix.',
  },
  'import.endReason': { id: 'tidak ada di daftar batch {batch}', en: 'missing from the roster of batch {batch}' },
  'batches.title': { id: 'Batch impor', en: 'Import batches' },
  'batches.none': { id: 'Belum ada impor. Mulai dengan `kim import <berkas.csv>`.', en: 'No imports yet. Start with `kim import <file.csv>`.' },
  'batches.col.id': { id: 'Batch', en: 'Batch' },
  'batches.col.when': { id: 'Waktu', en: 'When' },
  'batches.col.operator': { id: 'Petugas', en: 'Operator' },
  'batches.col.files': { id: 'Berkas', en: 'Files' },
  'batches.col.communities': { id: 'KIM baru/ubah', en: 'KIMs new/upd' },
  'batches.col.officers': { id: 'Pengurus baru/ubah/akhir', en: 'Officers new/upd/end' },
  'batches.col.rejected': { id: 'Ditolak', en: 'Rejected' },
  'batches.col.status': { id: 'Status', en: 'Status' },
  'batches.undone': { id: 'dibatalkan {when} oleh {who}', en: 'undone {when} by {who}' },
  'undo.badBatch': {
    id: '"{value}" bukan nomor batch. Lihat `kim batches` untuk daftarnya.',
    en: '"{value}" is not a batch number. See `kim batches` for the list.',
  },
  'undo.noBatch': {
    id: 'Batch {batch} tidak ada. Lihat `kim batches` untuk daftarnya.',
    en: 'There is no batch {batch}. See `kim batches` for the list.',
  },
  'undo.already': {
    id: 'Batch {batch} sudah dibatalkan pada {when}. Tidak ada yang diubah.',
    en: 'Batch {batch} was already undone on {when}. Nothing was changed.',
  },
  'undo.laterBatch': {
    id: 'Batch {batch} tidak bisa dibatalkan: batch {later} yang lebih baru mengubah data yang sama. Batalkan batch {later} dulu dengan `kim undo {later}`, lalu ulangi. Tidak ada yang diubah.',
    en: 'Batch {batch} cannot be undone: the later batch {later} changed the same records. Undo it first with `kim undo {later}`, then try again. Nothing was changed.',
  },
  'undo.laterEdit': {
    id: 'Batch {batch} tidak bisa dibatalkan: {name} diubah kemudian ({action}, oleh {who} pada {when}, log audit #{audit}), dan membatalkan batch akan menghapus perubahan itu. Biarkan batch ini, lalu perbaiki yang dibawanya dengan `kim edit`. Tidak ada yang diubah.',
    en: 'Batch {batch} cannot be undone: {name} was changed later ({action}, by {who} on {when}, audit log #{audit}), and undoing the batch would lose that. Keep the batch, and correct what it brought with `kim edit`. Nothing was changed.',
  },
  'undo.laterEditBack': {
    id: 'Batch {batch} tidak bisa dibatalkan: {name} diubah kemudian (oleh {who} pada {when}, log audit #{audit}), dan membatalkan batch akan menghapus perubahan itu. Bila memang harus dibatalkan, kembalikan dulu isiannya: `{command}`, lalu ulangi. Tidak ada yang diubah.',
    en: 'Batch {batch} cannot be undone: {name} was changed later (by {who} on {when}, audit log #{audit}), and undoing the batch would lose that. If it must go, put the value back first: `{command}`, then try again. Nothing was changed.',
  },
  'undo.laterNumber': {
    id: 'Batch {batch} tidak bisa dibatalkan: {name} mendapat nomor induk {number} kemudian (oleh {who} pada {when}, log audit #{audit}). Bila KIM ini memang harus dihapus, cabut dulu nomornya: `{command}` (nomor itu tidak akan dipakai lagi), lalu ulangi. Tidak ada yang diubah.',
    en: 'Batch {batch} cannot be undone: {name} got community number {number} later (by {who} on {when}, audit log #{audit}). If this KIM must go, withdraw the number first: `{command}` (it is never given again), then try again. Nothing was changed.',
  },
  'undo.confirm': {
    id: 'Batalkan batch {batch} ({files})? KIM dan pengurus yang dibuatnya dihapus, nilai yang diubahnya dikembalikan.',
    en: 'Undo batch {batch} ({files})? The KIMs and officers it created are removed and the values it changed restored.',
  },
  'undo.done': {
    id: 'Batch {batch} dibatalkan: {communities} KIM dan {officers} pengurus dihapus, {restored} catatan dikembalikan.',
    en: 'Batch {batch} undone: {communities, plural, one {# KIM} other {# KIMs}} and {officers, plural, one {# officer} other {# officers}} removed, {restored, plural, one {# record} other {# records}} restored.',
  },
} satisfies Record<string, Entry>;
