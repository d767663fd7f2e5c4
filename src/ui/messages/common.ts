import type { Entry } from './entry.js';

export const common = {
  'error.prefix': { id: 'Galat', en: 'Error' },
  'error.internal': {
    id: 'Galat internal: {message}. Jalankan lagi dengan --debug dan laporkan keluarannya.',
    en: 'Internal error: {message}. Run again with --debug and report the output.',
  },
  'error.seeHelp': {
    id: 'Lihat `{command} --help` untuk cara memakainya.',
    en: 'See `{command} --help` for how to use it.',
  },
  'error.cli.missingArgument': { id: 'Argumen <{name}> wajib diisi.', en: 'The argument <{name}> is required.' },
  'error.cli.optionNeedsValue': { id: 'Opsi {option} perlu nilai.', en: 'The option {option} needs a value.' },
  'error.cli.missingOption': { id: 'Opsi {option} wajib diisi.', en: 'The option {option} is required.' },
  'error.cli.unknownOption': { id: 'Opsi {option} tidak dikenal.', en: 'Unknown option {option}.' },
  'error.cli.unknownCommand': { id: 'Perintah "{command}" tidak dikenal.', en: 'Unknown command "{command}".' },
  'error.cli.missingSubcommand': { id: '`{command}` perlu perintah lanjutan: {choices}.', en: '`{command}` needs one of its commands: {choices}.' },
  'error.cli.didYouMean': { id: 'Maksudnya {suggestion}?', en: 'Did you mean {suggestion}?' },
  'error.cli.excessArguments': {
    id: 'Terlalu banyak argumen: perintah ini menerima {expected}, diberi {got}.',
    en: 'Too many arguments: this command takes {expected}, and got {got}.',
  },
  'error.cli.optionChoice': {
    id: '"{value}" bukan pilihan untuk {option}. Pilihan: {choices}.',
    en: '"{value}" is not a choice for {option}. Choose one of: {choices}.',
  },
  'error.cli.argumentChoice': {
    id: '"{value}" bukan pilihan untuk <{argument}>. Pilihan: {choices}.',
    en: '"{value}" is not a choice for <{argument}>. Choose one of: {choices}.',
  },
  'error.badLang': {
    id: 'Bahasa "{value}" tidak dikenal. Pakai --lang id atau --lang en.',
    en: 'Unknown language "{value}". Use --lang id or --lang en.',
  },
  'error.badFormat': {
    id: 'Format "{value}" tidak tersedia untuk perintah ini. Pilihan: {allowed}.',
    en: 'Format "{value}" is not available for this command. Choose one of: {allowed}.',
  },
  'error.badFormatFromOut': {
    id: 'Nama berkas {file} meminta format {value}, yang tidak tersedia untuk perintah ini. Pakai akhiran lain atau --format: {allowed}.',
    en: 'The file name {file} asks for the {value} format, which this command cannot write. Use another extension, or --format: {allowed}.',
  },
  'error.formatVsOut': {
    id: '--format {format} bertentangan dengan nama berkas {file}, yang meminta {implied}. Hapus --format, atau ganti akhiran nama berkasnya.',
    en: '--format {format} contradicts the file name {file}, which asks for {implied}. Drop --format, or change the file extension.',
  },
  'error.xlsxNeedsOut': {
    id: 'Format xlsx harus ditulis ke berkas. Tambahkan --out <berkas.xlsx>.',
    en: 'The xlsx format must be written to a file. Add --out <file.xlsx>.',
  },
  'error.outNoFolder': {
    id: 'Tidak dapat menulis {path}: folder {dir} tidak ada. Buat foldernya dulu atau pilih tempat lain.',
    en: 'Cannot write {path}: the folder {dir} does not exist. Create it first or choose another place.',
  },
  'error.outDenied': {
    id: 'Tidak dapat menulis {path}: tidak ada izin menulis di folder {dir}. Pilih folder lain.',
    en: 'Cannot write {path}: there is no permission to write in the folder {dir}. Choose another folder.',
  },
  'error.outIsFolder': {
    id: '{path} adalah folder. Tulis nama berkasnya, mis. {path}/rekap.xlsx.',
    en: '{path} is a folder. Name the file, e.g. {path}/recap.xlsx.',
  },
  'error.outWrite': {
    id: 'Tidak dapat menulis ke {path}: {reason}. Periksa folder dan izinnya.',
    en: 'Cannot write to {path}: {reason}. Check the folder and its permissions.',
  },
  'output.written': { id: 'Ditulis ke {path}.', en: 'Written to {path}.' },
  'target.exists': {
    id: 'Berkas {path} sudah ada. Tambahkan --yes untuk menimpanya, atau pilih nama lain.',
    en: 'The file {path} already exists. Add --yes to overwrite it, or choose another name.',
  },
  'target.confirmOverwrite': { id: 'Timpa {path}?', en: 'Overwrite {path}?' },
  'target.ontoDatabase': {
    id: '{path} adalah basis data kim sendiri. Pilih berkas lain, sebaiknya di folder atau disk lain.',
    en: '{path} is kim’s database itself. Choose another file, preferably in another folder or disk.',
  },
  'target.noFolder': {
    id: 'Folder {path} tidak ada. Buat foldernya dulu atau pilih tujuan lain. Tidak ada yang diubah.',
    en: 'The folder {path} does not exist. Create it first or choose another destination. Nothing was changed.',
  },
  'target.folderReadonly': {
    id: 'Akun ini tidak boleh menulis di folder {path}. Pilih folder lain untuk {file}, atau minta izin tulis. Tidak ada yang diubah.',
    en: 'This account may not write in the folder {path}. Choose another folder for {file}, or ask for write permission. Nothing was changed.',
  },
  'target.isFolder': {
    id: '{path} adalah folder. Tulis nama berkas di dalamnya. Tidak ada yang diubah.',
    en: '{path} is a folder. Give the name of a file in it. Nothing was changed.',
  },
  'error.needsYes': {
    id: 'Perintah ini meminta konfirmasi, tetapi tidak ada terminal untuk bertanya. Tambahkan --yes bila memang dimaksud.',
    en: 'This command asks for confirmation, but there is no terminal to ask on. Add --yes if you mean it.',
  },
  'error.badDate': {
    id: 'Tanggal "{value}" tidak dikenali. Tulis seperti 14/06/2023, 2023-06-14 atau 14 Juni 2023.',
    en: 'Date "{value}" is not recognised. Write it like 14/06/2023, 2023-06-14 or 14 Juni 2023.',
  },
  'error.impossibleDate': {
    id: 'Tanggal "{value}" tidak ada di kalender. Periksa hari dan bulannya, mis. 28/02/2025.',
    en: 'The date "{value}" is not a real date: no such day exists. Check the day and month, e.g. 28/02/2025.',
  },
  'error.badInteger': {
    id: '{option} harus berupa bilangan bulat, bukan "{value}".',
    en: '{option} must be a whole number, not "{value}".',
  },
  'community.notFound': {
    id: 'Tidak ada KIM "{value}". Cari dengan `kim list --search <kata>`, lalu pakai id atau nomornya.',
    en: 'No KIM "{value}". Search with `kim list --search <word>`, then use its id or number.',
  },
  'community.ambiguous': {
    id: '"{value}" cocok dengan beberapa KIM: {candidates}. Pakai id atau nomornya.',
    en: '"{value}" matches several KIMs: {candidates}. Use its id or number.',
  },
  'confirm.aborted': { id: 'Dibatalkan. Tidak ada yang diubah.', en: 'Cancelled. Nothing was changed.' },
  'word.yes': { id: 'ya', en: 'yes' },
  'word.no': { id: 'tidak', en: 'no' },
  'word.none': { id: '(tidak ada)', en: '(none)' },
  'word.total': { id: 'Jumlah', en: 'Total' },
} satisfies Record<string, Entry>;
