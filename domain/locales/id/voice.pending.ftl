# Worker voice in this language: messages that other branches add to the English
# file, translated ahead of the merge. NOT compiled in (domain/build.rs reads only
# voice.ftl): append this file to voice.ftl once those branches are merged, then
# delete it (README, "Worker voice", and the wt-voice-lang report).
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
