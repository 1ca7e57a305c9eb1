# Worker voice in Indonesian (id): the public reporting page, the poster and the referral list.
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English source;
# NOT reviewed by a native speaker. Review before printing posters.
# Aimed at plain words in the polite (Anda) register that migrant-worker
# organisations use; placeholders such as { $site } are kept exactly as in English.
language-name = Bahasa Indonesia
language-direction = ltr
translation-method = machine
translation-reviewed = no
voice-title = Laporkan masalah di tempat kerja
voice-intro = Beri tahu kami jika ada yang tidak benar di tempat kerja ini. Gratis, dan Anda tidak perlu memberikan nama.
voice-site = Tempat kerja: { $site }
voice-privacy = Kami tidak menyimpan nama Anda, nomor telepon, alamat internet, atau cookie apa pun. Hanya petugas yang menangani kasus ini di perusahaan pembeli yang dapat membaca tulisan Anda.
voice-category = Apa masalahnya?
cat-recruitment_fees = Saya membayar biaya perekrutan atau punya utang kepada agen atau majikan
cat-documents_held = Paspor atau dokumen saya ditahan
cat-wages_withheld = Gaji ditahan, terlambat, atau dipotong secara tidak adil
cat-threats_violence = Ancaman, kekerasan, atau pelecehan
cat-restricted_movement = Saya tidak bebas keluar dari tempat kerja atau tempat tinggal
cat-excessive_hours = Jam kerja terlalu panjang atau lembur paksa
cat-housing = Tempat tinggal buruk atau tidak aman
cat-under_age = Anak-anak atau pekerja di bawah umur
cat-other = Hal lain
voice-what-happened = Apa yang terjadi?
voice-what-hint = Ceritakan apa yang terjadi, kapan, dan di mana. Anda tidak perlu menulis nama.
voice-contact = Bagaimana kami bisa menghubungi Anda? (tidak wajib)
voice-contact-hint = Nomor telepon, aplikasi pesan, atau email, hanya jika Anda ingin jawaban langsung. Kosongkan jika ingin tetap anonim.
voice-submit = Kirim laporan
voice-error-category = Pilih apa masalahnya.
voice-error-text = Ceritakan apa yang terjadi (paling banyak 5000 huruf).
voice-error-contact = Kontak terlalu panjang (paling banyak 300 huruf).
voice-thanks = Terima kasih. Laporan Anda sudah diterima.
voice-code = Kode kasus Anda
voice-secret = Kode rahasia Anda
voice-keep = Catat keduanya atau foto layar ini. Anda memerlukannya untuk membaca jawaban kami. Tidak ada yang bisa menemukannya kembali untuk Anda.
voice-danger = Jika Anda dalam bahaya sekarang, hubungi layanan darurat setempat atau salah satu layanan di bawah ini.
voice-referrals = Bantuan yang dapat Anda hubungi
voice-referrals-none = Belum ada layanan yang terdaftar untuk negara ini.
voice-referral-example = Hanya contoh: ini bukan kontak yang sebenarnya.
voice-referral-listed = Didaftarkan oleh perusahaan pembeli; Fairhire belum memeriksa layanan ini.
voice-languages-spoken = Bahasa: { $languages }
kind-hotline = Saluran bantuan
kind-ngo = Organisasi pendamping
kind-iom = IOM (Organisasi Internasional untuk Migrasi)
kind-labour_inspection = Pengawas ketenagakerjaan
kind-legal_aid = Bantuan hukum
kind-other = Bantuan lain
voice-check-title = Periksa kasus Anda
voice-check-intro = Masukkan kode kasus dan kode rahasia yang Anda terima saat melapor.
voice-check-button = Periksa kasus saya
voice-check-not-found = Tidak ada kasus dengan kode dan kode rahasia ini. Periksa keduanya dan coba lagi.
voice-have-code = Sudah melapor? Periksa kasus Anda dan baca jawabannya
voice-status = Status
voice-status-new = Diterima, belum dijawab
voice-status-acknowledged = Sudah dilihat oleh perusahaan
voice-status-investigating = Sedang diselidiki
voice-status-confirmed = Terbukti, tindakan sedang diambil
voice-status-not_confirmed = Sudah diperiksa, tidak dapat dibuktikan
voice-status-closed = Ditutup
voice-reported-on = Dilaporkan pada { $date }
voice-replies = Jawaban
voice-no-replies = Belum ada jawaban. Silakan periksa lagi dalam beberapa hari.
voice-too-many = Terlalu banyak percobaan dari jaringan ini. Tunggu beberapa menit lalu coba lagi.
voice-not-found = Tautan laporan ini tidak berfungsi. Mintalah poster atau tautan baru.
voice-language = Bahasa
poster-title = Ada masalah di tempat kerja?
poster-step1 = Pindai kode dengan kamera ponsel Anda, atau ketik tautannya.
poster-step2 = Pilih masalahnya dan ceritakan apa yang terjadi, dalam bahasa Anda.
poster-step3 = Anda mendapat kode kasus dan kode rahasia: gunakan untuk membaca jawaban kami nanti.
poster-anonymous = Anda tidak perlu memberikan nama. Tanpa akun. Kami tidak menyimpan nomor telepon atau alamat internet Anda.
voice-unavailable = Terjadi kesalahan di pihak kami. Silakan coba lagi nanti.

# Messages added with the SMS/WhatsApp conversation and with cases, referrals and the
# worker pulse (2026-12-05), translated from the English source:
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = Laporkan masalah di tempat kerja: gratis, dan Anda tidak perlu memberikan nama.
conversation-choose-language = Balas dengan nomor bahasa Anda:
conversation-choose-category = Apa masalahnya? Balas dengan nomornya:
conversation-not-a-choice = Silakan balas dengan salah satu nomor.
conversation-tell = Ceritakan apa yang terjadi, kapan dan di mana, dalam satu pesan. Anda tidak perlu menulis nama.
conversation-too-long = Pesan Anda terlalu panjang. Kirim paling banyak { $max } huruf.
conversation-empty = Silakan tulis dengan kata-kata apa yang terjadi.
conversation-received = Terima kasih. Laporan Anda sudah diterima.
conversation-code = Kode kasus: { $code }
conversation-secret = Kode rahasia: { $secret }
conversation-keep = Simpan keduanya: Anda memerlukannya untuk membaca jawaban kami. Tidak ada yang bisa menemukannya kembali untuk Anda.
conversation-how-to-read = Balas { $word } di sini untuk membaca jawaban kami, atau buka { $link } lalu masukkan kode dan kode rahasia.
conversation-privacy = Kami menyimpan nomor telepon Anda hanya dalam keadaan tersegel, untuk mengirim jawaban kami, dan menghapusnya saat kasus ditutup. Hanya petugas penanganan kasus di perusahaan pembeli yang membaca tulisan Anda.
conversation-status-word = STATUS
conversation-new-word = BARU
conversation-status = Kasus { $code }: { $status }
conversation-new-report = Untuk melaporkan masalah lain, balas { $word }.
conversation-reply = Jawaban tentang kasus { $code }: { $text }
conversation-pulse-word = SURVEI
conversation-pulse-intro = Lima pertanyaan tentang pekerjaan Anda. Jawaban Anda hanya dihitung bersama jawaban orang lain, tidak pernah dengan nomor telepon Anda. Balas dengan nomor jawaban Anda.
conversation-pulse-already = Anda sudah menjawab pertanyaan ini bulan ini. Terima kasih.

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = Saya dibohongi tentang pekerjaan ini, atau kontrak saya diubah menjadi lebih buruk
cat-debt = Saya punya utang yang harus dibayar dengan bekerja dan tidak boleh berhenti sebelum lunas
voice-nationality = Kewarganegaraan Anda (tidak wajib)
voice-nationality-hint = Hanya jika Anda ingin kami menunjukkan layanan dari negara Anda sendiri, seperti kedutaan Anda. Kosongkan jika ingin tetap anonim.
voice-error-nationality = Pilih negara dari daftar atau kosongkan.
voice-promise = Perusahaan berjanji memberi jawaban pertama dalam { $days } hari.
voice-referrals-origin = Bantuan dari negara Anda sendiri
pulse-title = Lima pertanyaan tentang pekerjaan Anda
pulse-intro = Jawab lima pertanyaan singkat. Gratis dan anonim: kami tidak menyimpan nama Anda, nomor telepon, alamat internet, atau cookie apa pun. Jawaban hanya ditampilkan dalam jumlah keseluruhan, tidak pernah satu per satu.
pulse-q-paid_fee = Apakah Anda membayar uang kepada siapa pun untuk mendapatkan pekerjaan ini?
pulse-q-fee_amount = Jika membayar, kira-kira berapa?
pulse-q-passport_holder = Siapa yang memegang paspor Anda?
pulse-q-dormitory_free = Apakah Anda bebas keluar dari asrama atau tempat tinggal di luar jam kerja?
pulse-q-contract_matches = Apakah pekerjaan, gaji, dan jam kerja Anda sesuai dengan yang dijanjikan sebelum Anda mulai?
pulse-a-yes = Ya
pulse-a-no = Tidak
pulse-a-nothing = Saya tidak membayar apa pun
pulse-a-under_one_month = Kurang dari gaji satu bulan
pulse-a-one_to_three_months = Gaji satu sampai tiga bulan
pulse-a-over_three_months = Lebih dari gaji tiga bulan
pulse-a-me = Saya pegang sendiri
pulse-a-employer = Majikan
pulse-a-agent = Agen perekrutan
pulse-a-someone_else = Orang lain
pulse-a-no_passport = Saya tidak punya paspor
pulse-a-no_dormitory = Saya tidak tinggal di tempat tinggal dari majikan
pulse-submit = Kirim jawaban saya
pulse-error-answer = Pilih satu jawaban untuk setiap pertanyaan.
pulse-thanks = Terima kasih. Jawaban Anda sudah diterima.
pulse-link = Jawab lima pertanyaan tentang pekerjaan Anda
