# Worker voice in Tagalog (tl): the public reporting page, the poster and the referral list.
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English source;
# NOT reviewed by a native speaker. Review before printing posters.
# Filipino (`fil`, `fil-PH`) is negotiated to this file (domain::i18n treats `fil` as `tl`).
# Aimed at plain words in the polite (po/ninyo) register that migrant-worker
# organisations use; placeholders such as { $site } are kept exactly as in English.
language-name = Tagalog
language-direction = ltr
translation-method = machine
translation-reviewed = no
voice-title = Mag-ulat ng problema sa trabaho
voice-intro = Sabihin po sa amin kung may mali sa lugar ng trabahong ito. Libre ito at hindi ninyo kailangang ibigay ang inyong pangalan.
voice-site = Lugar ng trabaho: { $site }
voice-privacy = Hindi namin itinatala ang inyong pangalan, telepono, internet address o anumang cookie. Ang mga humahawak lamang ng kaso sa kompanyang bumibili ang makakabasa ng inyong isusulat.
voice-category = Ano ang problema?
cat-recruitment_fees = Nagbayad ako ng recruitment fee o may utang ako sa ahente o sa employer
cat-documents_held = Hawak ng iba ang aking pasaporte o mga dokumento
cat-wages_withheld = Hindi ibinibigay, naaantala o hindi makatarungang kinakaltasan ang sahod
cat-threats_violence = Pagbabanta, pananakit o panliligalig
cat-restricted_movement = Hindi ako malayang umalis sa trabaho o sa tinitirhan
cat-excessive_hours = Sobrang haba ng oras ng trabaho o sapilitang overtime
cat-housing = Masama o hindi ligtas na tirahan
cat-under_age = Mga bata o manggagawang menor de edad
cat-other = Iba pa
voice-what-happened = Ano ang nangyari?
voice-what-hint = Sabihin kung ano ang nangyari, kailan at saan. Hindi ninyo kailangang isulat ang inyong pangalan.
voice-contact = Paano namin kayo makakausap? (hindi sapilitan)
voice-contact-hint = Numero ng telepono, messaging app o email, kung gusto lamang ninyo ng sagot nang personal. Iwanang blangko para manatiling anonimo.
voice-submit = Ipadala ang ulat
voice-error-category = Piliin kung ano ang problema.
voice-error-text = Sabihin sa amin ang nangyari (hanggang 5000 titik).
voice-error-contact = Masyadong mahaba ang contact (hanggang 300 titik).
voice-thanks = Salamat po. Natanggap na ang inyong ulat.
voice-code = Ang inyong case code
voice-secret = Ang inyong lihim na code
voice-keep = Isulat ang dalawa o kunan ng litrato ang screen na ito. Kailangan ninyo ang mga ito para mabasa ang aming mga sagot. Walang makakahanap ng mga ito muli para sa inyo.
voice-danger = Kung nasa panganib kayo ngayon, tumawag sa lokal na emergency services o sa isa sa mga serbisyo sa ibaba.
voice-referrals = Tulong na maaari ninyong lapitan
voice-referrals-none = Wala pang nakalistang serbisyo para sa bansang ito.
voice-referral-example = Halimbawa lamang: hindi ito totoong contact.
voice-referral-listed = Inilista ng kompanyang bumibili; hindi pa sinusuri ng Fairhire ang mga serbisyong ito.
voice-languages-spoken = Mga wika: { $languages }
kind-hotline = Hotline
kind-ngo = Organisasyong tumutulong
kind-iom = IOM (International Organization for Migration)
kind-labour_inspection = Inspeksyon sa paggawa
kind-legal_aid = Tulong legal
kind-other = Ibang tulong
voice-check-title = Tingnan ang inyong kaso
voice-check-intro = Ilagay ang case code at ang lihim na code na natanggap ninyo noong nag-ulat kayo.
voice-check-button = Tingnan ang aking kaso
voice-check-not-found = Walang kasong tugma sa code at lihim na code na ito. Suriin ang dalawa at subukang muli.
voice-have-code = Nakapag-ulat na? Tingnan ang inyong kaso at basahin ang mga sagot
voice-status = Katayuan
voice-status-new = Natanggap, hindi pa nasasagot
voice-status-acknowledged = Nakita na ng kompanya
voice-status-investigating = Iniimbestigahan
voice-status-confirmed = Napatunayan, may ginagawang aksyon
voice-status-not_confirmed = Sinuri, hindi mapatunayan
voice-status-closed = Sarado na
voice-reported-on = Iniulat noong { $date }
voice-replies = Mga sagot
voice-no-replies = Wala pang sagot. Pakitingnan muli pagkalipas ng ilang araw.
voice-too-many = Masyadong maraming pagsubok mula sa network na ito. Maghintay ng ilang minuto at subukang muli.
voice-not-found = Hindi gumagana ang link na ito. Humingi ng bagong poster o link.
voice-language = Wika
poster-title = May problema ba sa trabaho?
poster-step1 = I-scan ang code gamit ang camera ng inyong telepono, o i-type ang link.
poster-step2 = Piliin ang problema at sabihin kung ano ang nangyari, sa inyong wika.
poster-step3 = Makakatanggap kayo ng case code at lihim na code: gamitin ang mga ito para mabasa ang aming sagot sa ibang araw.
poster-anonymous = Hindi ninyo kailangang ibigay ang inyong pangalan. Walang account. Hindi namin itinatala ang inyong telepono o internet address.
voice-unavailable = May nagkaproblema sa aming panig. Pakisubukang muli mamaya.

# Messages added with the SMS/WhatsApp conversation and with cases, referrals and the
# worker pulse (2026-12-05), translated from the English source:
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = Mag-ulat ng problema sa trabaho: libre ito at hindi ninyo kailangang ibigay ang inyong pangalan.
conversation-choose-language = Sumagot gamit ang numero ng inyong wika:
conversation-choose-category = Ano ang problema? Sumagot gamit ang numero nito:
conversation-not-a-choice = Pakisagot gamit ang isa sa mga numero.
conversation-tell = Sabihin kung ano ang nangyari, kailan at saan, sa iisang mensahe. Hindi ninyo kailangang isulat ang inyong pangalan.
conversation-too-long = Masyadong mahaba ang inyong mensahe. Magpadala ng hanggang { $max } titik lamang.
conversation-empty = Pakisulat sa mga salita kung ano ang nangyari.
conversation-received = Salamat po. Natanggap na ang inyong ulat.
conversation-code = Case code: { $code }
conversation-secret = Lihim na code: { $secret }
conversation-keep = Itago ang dalawa: kailangan ninyo ang mga ito para mabasa ang aming mga sagot. Walang makakahanap ng mga ito muli para sa inyo.
conversation-how-to-read = Sumagot ng { $word } dito para mabasa ang aming mga sagot, o buksan ang { $link } at ilagay ang code at ang lihim na code.
conversation-privacy = Itinatago namin ang inyong numero ng telepono nang naka-selyo lamang, para maipadala ang aming mga sagot, at binubura ito kapag sarado na ang kaso. Ang mga humahawak lamang ng kaso sa kompanyang bumibili ang nakakabasa ng inyong mga salita.
conversation-status-word = STATUS
conversation-new-word = BAGO
conversation-status = Kaso { $code }: { $status }
conversation-new-report = Para mag-ulat ng ibang problema, sumagot ng { $word }.
conversation-reply = Sagot tungkol sa kaso { $code }: { $text }
conversation-pulse-word = SURBEY
conversation-pulse-intro = Limang tanong tungkol sa iyong trabaho. Ang iyong mga sagot ay binibilang lamang kasama ng sagot ng iba, hindi kailanman kasama ng iyong numero ng telepono. Sumagot gamit ang numero ng iyong sagot.
conversation-pulse-already = Nasagot mo na ang mga tanong na ito ngayong buwan. Salamat.

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = Nilinlang ako tungkol sa trabaho, o pinalitan ang aking kontrata ng mas masamang kondisyon
cat-debt = May utang ako na kailangang bayaran sa pagtatrabaho at hindi ako makaalis hangga't hindi bayad
voice-nationality = Ang inyong nasyonalidad (hindi sapilitan)
voice-nationality-hint = Kung gusto lamang ninyong ipakita namin ang mga serbisyo ng sarili ninyong bansa, tulad ng inyong embahada. Iwanang blangko para manatiling anonimo.
voice-error-nationality = Pumili ng bansa mula sa listahan o iwanang blangko.
voice-promise = Nangangako ang kompanya ng unang sagot sa loob ng { $days } araw.
voice-referrals-origin = Tulong mula sa sarili ninyong bansa
pulse-title = Limang tanong tungkol sa inyong trabaho
pulse-intro = Sagutin ang limang maikling tanong. Libre at anonimo: hindi namin itinatala ang inyong pangalan, telepono, internet address o anumang cookie. Ipinapakita lamang ang mga sagot nang pinagsama-sama, hindi kailanman isa-isa.
pulse-q-paid_fee = Nagbayad ba kayo ng pera kaninuman para makuha ang trabahong ito?
pulse-q-fee_amount = Kung nagbayad kayo, mga magkano ito?
pulse-q-passport_holder = Sino ang may hawak ng inyong pasaporte?
pulse-q-dormitory_free = Malaya ba kayong umalis sa dormitoryo o tinitirhan sa labas ng oras ng trabaho?
pulse-q-contract_matches = Tugma ba ang inyong trabaho, sahod at oras sa ipinangako bago kayo nagsimula?
pulse-a-yes = Oo
pulse-a-no = Hindi
pulse-a-nothing = Wala akong binayaran
pulse-a-under_one_month = Mas mababa sa isang buwang sahod ko
pulse-a-one_to_three_months = Isa hanggang tatlong buwang sahod ko
pulse-a-over_three_months = Higit sa tatlong buwang sahod ko
pulse-a-me = Ako mismo ang may hawak
pulse-a-employer = Ang employer
pulse-a-agent = Ang recruitment agent
pulse-a-someone_else = Ibang tao
pulse-a-no_passport = Wala akong pasaporte
pulse-a-no_dormitory = Hindi ako nakatira sa tirahang ibinigay ng employer
pulse-submit = Ipadala ang aking mga sagot
pulse-error-answer = Pumili ng isang sagot sa bawat tanong.
pulse-thanks = Salamat po. Natanggap na ang inyong mga sagot.
pulse-link = Sagutin ang limang tanong tungkol sa inyong trabaho
