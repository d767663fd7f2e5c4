import type { Entry } from './entry.js';

// Literal template tokens such as {seq:2} or {village} stay as written: translate() only fills the
// placeholders passed as params, and no param here is named after a template token.
export const numberMessages = {
  'number.setting.template': {
    id: 'templat Nomor Induk Komunitas; token {province} {regency} {district} {village} {year} {seq} {seq:N}',
    en: 'community number template; tokens {province} {regency} {district} {village} {year} {seq} {seq:N}',
  },
  'number.template.empty': {
    id: 'Templat nomor tidak boleh kosong. Contoh: "{village}.{seq:2}".',
    en: 'The number template cannot be empty. Example: "{village}.{seq:2}".',
  },
  'number.template.unbalanced': {
    id: 'Templat nomor "{template}" memiliki "{" atau "}" tanpa pasangannya. Tulis token seperti {village} atau {seq:2}.',
    en: 'The number template "{template}" has a "{" or "}" without its partner. Write tokens like {village} or {seq:2}.',
  },
  'number.template.unknownToken': {
    id: 'Token {token} dalam templat nomor "{template}" tidak dikenal. Yang boleh: {allowed}.',
    en: 'Unknown token {token} in the number template "{template}". Allowed: {allowed}.',
  },
  'number.template.badWidth': {
    id: 'Lebar urutan dalam templat nomor "{template}" harus 1 sampai {max}, mis. {seq:2}.',
    en: 'The sequence width in the number template "{template}" must be 1 to {max}, e.g. {seq:2}.',
  },
  'number.template.noSeq': {
    id: 'Templat nomor "{template}" tidak memiliki {seq}, sehingga tidak bisa membuat nomor yang unik. Tambahkan {seq} atau {seq:N}, mis. "{village}.{seq:2}".',
    en: 'The number template "{template}" has no {seq}, so it cannot make unique numbers. Add {seq} or {seq:N}, e.g. "{village}.{seq:2}".',
  },
  'number.template.twoSeq': {
    id: 'Templat nomor "{template}" memiliki lebih dari satu token urutan. Pakai tepat satu {seq} atau {seq:N}.',
    en: 'The number template "{template}" has more than one sequence token. Use exactly one {seq} or {seq:N}.',
  },

  'number.revoke.needsReason': {
    id: '--revoke memerlukan --reason "<alasan>", karena alasan pencabutan dicatat dalam riwayat. Tidak ada yang diubah.',
    en: '--revoke needs --reason "<text>": the reason is kept in the history. Nothing was changed.',
  },
  'number.revoke.noNumber': {
    id: '{name} (id {id}) tidak memiliki nomor untuk dicabut. Lihat riwayatnya dengan `kim show {id}`.',
    en: '{name} (id {id}) has no number to withdraw. See its history with `kim show {id}`.',
  },
  'number.revoke.withNames': {
    id: '--revoke mencabut nomor satu KIM dan tidak bisa digabung dengan pemberian nomor. Jalankan dua perintah terpisah.',
    en: '--revoke withdraws the number of one KIM and cannot be combined with giving numbers. Run two separate commands.',
  },
  'number.reasonWithoutRevoke': {
    id: '--reason hanya berlaku bersama --revoke <KIM>. Tidak ada yang diubah.',
    en: '--reason only applies with --revoke <community>. Nothing was changed.',
  },
  'number.revoked': {
    id: 'Nomor {number} milik {name} (id {id}) dicabut: {reason}. Nomor ini tidak akan diberikan lagi.',
    en: 'Number {number} of {name} (id {id}) was withdrawn: {reason}. It will never be given again.',
  },
  'number.revoked.dryRun': {
    id: 'Uji coba: nomor {number} milik {name} (id {id}) akan dicabut. Tidak ada yang diubah.',
    en: 'Dry run: number {number} of {name} (id {id}) would be withdrawn. Nothing was changed.',
  },

  'number.col.id': { id: 'ID', en: 'ID' },
  'number.col.community': { id: 'KIM', en: 'KIM' },
  'number.col.number': { id: 'Nomor Induk', en: 'Number' },
  'number.col.result': { id: 'Hasil', en: 'Result' },
  'number.col.rules': { id: 'Penghalang', en: 'Blocked by' },
  'number.result.given': { id: 'diberikan', en: 'given' },
  'number.result.wouldGive': { id: 'akan diberikan', en: 'would be given' },
  'number.result.skipped': { id: 'dilewati', en: 'skipped' },
  'number.title': { id: 'Pemberian Nomor Induk Komunitas', en: 'Community numbers' },
  'number.nothing': { id: 'Tidak ada KIM yang menunggu nomor.', en: 'No KIM is waiting for a number.' },
  'number.summary': {
    id: 'Nomor diberikan: {assigned}. KIM dilewati: {skipped}.',
    en: 'Numbers given: {assigned}. KIMs skipped: {skipped}.',
  },
  'number.summary.dryRun': {
    id: 'Uji coba — nomor yang akan diberikan: {assigned}. KIM dilewati: {skipped}. Tidak ada yang diubah.',
    en: 'Dry run — numbers that would be given: {assigned}. KIMs skipped: {skipped}. Nothing was changed.',
  },
  'number.alreadyNumbered': {
    id: '{name} (id {id}) sudah memiliki nomor {number}.',
    en: '{name} (id {id}) already has number {number}.',
  },
  'number.hint.rules': {
    id: 'KIM yang dilewati belum memenuhi syarat. Lihat temuannya dengan `kim show <id>` atau `kim validate`, perbaiki, lalu jalankan `kim number` lagi.',
    en: 'Skipped KIMs do not meet the requirements yet. See their findings with `kim show <id>` or `kim validate`, fix them, then run `kim number` again.',
  },
  'number.hint.overflow': {
    id: '{name} (id {id}) tidak diberi nomor: urutan dalam lingkup {scope} sudah melewati {max}, batas terbesar templat "{template}". Perlebar urutannya, mis. `kim config set numbering.template` dengan {seq:3}.',
    en: '{name} (id {id}) got no number: the sequence in scope {scope} is past {max}, the largest the template "{template}" can write. Widen it, e.g. `kim config set numbering.template` with {seq:3}.',
  },
  'number.hint.revoked': {
    id: '{name} (id {id}) pernah dicabut nomornya, jadi tidak diberi nomor baru secara otomatis. Bila memang dimaksud, jalankan `kim number {id}`.',
    en: 'The number of {name} (id {id}) was withdrawn before, so it gets no new number automatically. If that is meant, run `kim number {id}`.',
  },
  'number.hint.ended': {
    id: '{name} (id {id}) sudah berakhir dan tidak diberi nomor.',
    en: '{name} (id {id}) has ended and gets no number.',
  },
  'number.hint.region': {
    id: '{name} (id {id}) tidak diberi nomor: kode wilayahnya belum dikenali, padahal templat "{template}" memerlukannya. Perbaiki kecamatan/desanya lalu jalankan `kim validate`.',
    en: '{name} (id {id}) got no number: its region code is not resolved and the template "{template}" needs it. Fix its district/village, then run `kim validate`.',
  },
  'number.hint.notValidated': {
    id: '{name} (id {id}) tidak diberi nomor karena belum bisa diperiksa. Jalankan `kim validate {id}` untuk melihat sebabnya.',
    en: '{name} (id {id}) got no number because it could not be checked. Run `kim validate {id}` to see why.',
  },

  'end.needsReason': {
    id: 'Tuliskan alasan dengan --reason "<alasan>", mis. --reason "Bubar, pengurus pindah". Tidak ada yang diubah.',
    en: 'Give a reason with --reason "<text>", e.g. --reason "Dissolved, officers moved away". Nothing was changed.',
  },
  'end.futureDate': {
    id: 'Tanggal berakhir {date} jatuh setelah hari ini ({today}). Catat setelah KIM benar-benar berakhir. Tidak ada yang diubah.',
    en: 'The end date {date} is after today ({today}). Record it once the KIM has actually ended. Nothing was changed.',
  },
  'end.alreadyEnded': {
    id: '{name} (id {id}) sudah tercatat berakhir pada {date}. Tidak ada yang diubah.',
    en: '{name} (id {id}) was already recorded as ended on {date}. Nothing was changed.',
  },
  'end.done': {
    id: '{name} (id {id}) tercatat berakhir pada {date}: {reason}.',
    en: '{name} (id {id}) recorded as ended on {date}: {reason}.',
  },
  'end.numberRetired': {
    id: 'Nomornya {number} tetap tercatat dan tidak akan diberikan kepada KIM lain.',
    en: 'Its number {number} stays on record and will never be given to another KIM.',
  },
} satisfies Record<string, Entry>;
