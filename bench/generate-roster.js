// Generates a realistic flat roster CSV for the import benchmark: one row per officer, ten officers
// per KIM, the KIM's columns repeated on each row, as the villages send them. Real Kota Probolinggo
// (35.74) districts and villages from idn-area-data, unique 16-digit NIKs whose region, birth date
// and sex agree with the other columns. Deterministic (a fixed pseudo-random sequence) and streamed
// to the file, so a million rows take no more memory than ten.
//
//   node bench/generate-roster.js [--rows N] [--out file]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const OFFICERS_PER_KIM = 10;
const REGENCY = '35.74';

const HEADER = [
  'Nama KIM', 'Kecamatan', 'Desa/Kelurahan', 'No. SK', 'Tgl SK', 'Diketahui Lurah', 'Nama Pengurus',
  'Jabatan', 'NIK', 'Tanggal Lahir', 'L/P', 'Pekerjaan', 'No HP', 'Alamat',
];
const ROLES = ['Ketua', 'Sekretaris', 'Bendahara', 'Bidang Pengumpulan Informasi', 'Bidang Pengolahan Informasi', 'Bidang Diseminasi', 'Anggota', 'Anggota', 'Anggota', 'Anggota'];
const JOBS = ['Petani', 'Nelayan', 'Pedagang', 'Wiraswasta', 'Ibu Rumah Tangga', 'Mahasiswa', 'Guru Honorer', 'Karyawan Swasta', 'Buruh Harian Lepas', 'Pelajar', 'Perangkat Desa', 'Sopir'];
const MEN = ['Ahmad', 'Budi', 'Eko', 'Hadi', 'Joko', 'Wahyu', 'Imam', 'Teguh', 'Bagus', 'Agus', 'Rudi', 'Slamet', 'Yusuf', 'Fajar', 'Dimas', 'Rizki', 'Hendra', 'Arif'];
const WOMEN = ['Siti', 'Dewi', 'Fitri', 'Indah', 'Lestari', 'Rina', 'Sri', 'Nur', 'Wulan', 'Ayu', 'Ratna', 'Yuni', 'Putri', 'Nining', 'Endah', 'Kartika'];
const SURNAMES = ['Santoso', 'Hariyanto', 'Kusuma', 'Setiawan', 'Rahmawati', 'Wahyuni', 'Saputra', 'Hidayat', 'Lestari', 'Prasetyo', 'Mu’awanah', 'Handayani', 'Susanti', 'Firmansyah', 'Nugroho', 'Purnomo'];
const WORDS = ['Bersinar', 'Sehati', 'Maju', 'Mandiri', 'Cerdas', 'Guyub', 'Bahari', 'Harapan', 'Sejahtera', 'Informatif', 'Rukun', 'Berkah', 'Lestari', 'Jaya'];
const STREETS = ['Jl. Suroyo', 'Jl. Panglima Sudirman', 'Jl. Ahmad Yani', 'Jl. Brantas', 'Jl. Mastrip', 'Jl. Ijen', 'Jl. Cokroaminoto', 'Jl. KH. Hasan Genggong'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A small, fast, seeded generator: the same file on every machine. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

function csvCell(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The regency's villages with their district, read from idn-area-data's plain code,parent,name files. */
function loadVillages() {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
  const lines = (file) => fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/).slice(1).filter((l) => l.startsWith(REGENCY + '.'));
  const split = (line) => {
    const a = line.indexOf(',');
    const b = line.indexOf(',', a + 1);
    return [line.slice(0, a), line.slice(a + 1, b), line.slice(b + 1)];
  };
  const districts = new Map(lines('districts.csv').map((l) => split(l)).map(([code, , name]) => [code, name]));
  return lines('villages.csv')
    .map(split)
    .map(([code, districtCode, name]) => ({ code, name, district: districts.get(districtCode), districtDigits: districtCode.replace(/\./g, '') }));
}

// Birth dates 1960-01-01 .. 2005-12-31; NIK uniqueness comes from (birth date, serial), see below.
const FIRST_BIRTH = Date.UTC(1960, 0, 1);
const BIRTH_DAYS = Math.floor((Date.UTC(2005, 11, 31) - FIRST_BIRTH) / 86_400_000) + 1;
const STRIDE = 7919; // prime, not a divisor of BIRTH_DAYS: i -> i*STRIDE mod BIRTH_DAYS is a permutation

/**
 * Writes `rows` officer rows to `out`. Resolves with the number of bytes written.
 * Officer i gets birth day (i*STRIDE mod BIRTH_DAYS) and serial floor(i / BIRTH_DAYS) + 1, so no
 * two officers share a NIK for up to BIRTH_DAYS * 9999 (about 168 million) rows.
 */
export async function generateRoster({ rows = 1_000_000, out }) {
  if (rows > BIRTH_DAYS * 9999) throw new Error(`at most ${BIRTH_DAYS * 9999} rows`);
  const villages = loadVillages();
  if (villages.length === 0) throw new Error(`no villages for ${REGENCY} in idn-area-data`);
  const rand = rng(35_74);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  const stream = fs.createWriteStream(tmp, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const write = (text) => (stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', resolve)));
  const streamDone = new Promise((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
  });

  await write('\uFEFF' + HEADER.join(',') + '\r\n');
  let kim;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const member = i % OFFICERS_PER_KIM;
    if (member === 0) {
      const k = i / OFFICERS_PER_KIM;
      const village = villages[k % villages.length];
      const year = 2019 + Math.floor(rand() * 7);
      const month = 1 + Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * 28);
      // The sequence number keeps names unique within a village however many KIMs it gets.
      kim = {
        name: `KIM ${pick(WORDS)} ${village.name} ${Math.floor(k / villages.length) + 1}`,
        village,
        sk: `400/${1 + Math.floor(rand() * 300)}/425.${100 + Math.floor(rand() * 20)}/${year}`,
        skDate: rand() < 0.5 ? `${day} ${MONTHS[month - 1]} ${year}` : `${pad(day)}/${pad(month)}/${year}`,
        ack: pick(['Ya', 'Sudah', 'Ya', 'Sudah', 'Belum']),
      };
    }
    const female = rand() < 0.5;
    const birth = new Date(FIRST_BIRTH + ((i * STRIDE) % BIRTH_DAYS) * 86_400_000);
    const d = birth.getUTCDate();
    const m = birth.getUTCMonth() + 1;
    const y = birth.getUTCFullYear();
    const serial = Math.floor(i / BIRTH_DAYS) + 1;
    const nik = `${kim.village.districtDigits}${pad(female ? d + 40 : d)}${pad(m)}${pad(y % 100)}${pad(serial, 4)}`;
    const name = `${pick(female ? WOMEN : MEN)} ${pick(SURNAMES)}`;
    const phone = `08${pick(['12', '13', '21', '52', '57', '81', '95'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
    const address = `${pick(STREETS)} No. ${1 + Math.floor(rand() * 200)}, RT ${pad(1 + Math.floor(rand() * 9))}, RW ${pad(1 + Math.floor(rand() * 5))}`;
    const record = [
      kim.name, kim.village.district, kim.village.name, kim.sk, kim.skDate, kim.ack, name, ROLES[member], nik,
      `${pad(d)}/${pad(m)}/${y}`, female ? 'P' : 'L', pick(JOBS), phone, address,
    ];
    chunk += record.map(csvCell).join(',') + '\r\n';
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  stream.end();
  await streamDone;
  fs.renameSync(tmp, out);
  return fs.statSync(out).size;
}

function argValue(argv, name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const rows = Number(argValue(argv, '--rows') ?? process.env.BENCH_ROWS ?? 1_000_000);
  if (!Number.isSafeInteger(rows) || rows < 1) {
    process.stderr.write('--rows must be a positive whole number\n');
    process.exitCode = 2;
  } else {
    const out = path.resolve(argValue(argv, '--out') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'out', `roster-${rows}.csv`));
    const started = process.hrtime.bigint();
    const bytes = await generateRoster({ rows, out });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(`${out}: ${rows} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(1)} s\n`);
  }
}
