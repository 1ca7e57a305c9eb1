# Worker voice in this language: messages that other branches add to the English
# file, translated ahead of the merge. NOT compiled in (domain/build.rs reads only
# voice.ftl): append this file to voice.ftl once those branches are merged, then
# delete it (README, "Worker voice", and the wt-voice-lang report).
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
