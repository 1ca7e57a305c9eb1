# Worker voice in this language: messages that other branches add to the English
# file, translated ahead of the merge. NOT compiled in (domain/build.rs reads only
# voice.ftl): append this file to voice.ftl once those branches are merged, then
# delete it (README, "Worker voice", and the wt-voice-lang report).
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = काम की जगह की समस्या बताएँ: यह मुफ़्त है और आपको अपना नाम बताने की ज़रूरत नहीं है।
conversation-choose-language = अपनी भाषा का नंबर लिखकर जवाब दें:
conversation-choose-category = समस्या क्या है? उसका नंबर लिखकर जवाब दें:
conversation-not-a-choice = कृपया इनमें से कोई एक नंबर लिखकर जवाब दें।
conversation-tell = एक ही संदेश में बताएँ कि क्या हुआ, कब और कहाँ। आपको अपना नाम लिखने की ज़रूरत नहीं है।
conversation-too-long = आपका संदेश बहुत लंबा है। ज़्यादा से ज़्यादा { $max } अक्षर भेजें।
conversation-empty = कृपया शब्दों में लिखें कि क्या हुआ।
conversation-received = धन्यवाद। आपकी शिकायत मिल गई है।
conversation-code = केस कोड: { $code }
conversation-secret = गुप्त कोड: { $secret }
conversation-keep = दोनों संभालकर रखें: हमारे जवाब पढ़ने के लिए इनकी ज़रूरत होगी। खो जाने पर कोई इन्हें दोबारा नहीं ढूँढ सकता।
conversation-how-to-read = हमारे जवाब पढ़ने के लिए यहाँ { $word } लिखकर भेजें, या { $link } खोलकर कोड और गुप्त कोड डालें।
conversation-privacy = आपको जवाब भेजने के लिए हम आपका फ़ोन नंबर केवल सील करके रखते हैं, और केस बंद होने पर उसे मिटा देते हैं। आपके शब्द केवल ख़रीदार कंपनी में केस देखने वाले लोग पढ़ते हैं।
conversation-status-word = स्थिति
conversation-new-word = नया
conversation-status = केस { $code }: { $status }
conversation-new-report = कोई दूसरी समस्या बताने के लिए { $word } लिखकर जवाब दें।
conversation-reply = केस { $code } के बारे में जवाब: { $text }

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = काम के बारे में मुझे धोखा दिया गया, या मेरा अनुबंध और ख़राब शर्तों में बदल दिया गया
cat-debt = मुझ पर ऐसा कर्ज़ है जिसे काम करके चुकाना है और चुकाने तक मैं काम नहीं छोड़ सकता/सकती
voice-nationality = आपकी राष्ट्रीयता (अगर आप चाहें)
voice-nationality-hint = केवल अगर आप चाहते हैं कि हम आपके अपने देश की सेवाएँ दिखाएँ, जैसे आपका दूतावास। गुमनाम रहना हो तो इसे ख़ाली छोड़ दें।
voice-error-nationality = सूची से कोई देश चुनें या इसे ख़ाली छोड़ दें।
voice-promise = कंपनी { $days } दिनों के अंदर पहला जवाब देने का वादा करती है।
voice-referrals-origin = आपके अपने देश से मदद
pulse-title = आपके काम के बारे में पाँच सवाल
pulse-intro = पाँच छोटे सवालों के जवाब दें। यह मुफ़्त और गुमनाम है: हम आपका नाम, फ़ोन, इंटरनेट पता या कोई कुकी दर्ज नहीं करते। जवाब केवल सब मिलाकर दिखाए जाते हैं, कभी एक-एक करके नहीं।
pulse-q-paid_fee = क्या यह नौकरी पाने के लिए आपने किसी को पैसे दिए?
pulse-q-fee_amount = अगर दिए, तो लगभग कितने?
pulse-q-passport_holder = आपका पासपोर्ट किसके पास है?
pulse-q-dormitory_free = क्या काम के घंटों के बाद आप रहने की जगह से अपनी मर्ज़ी से बाहर जा सकते हैं?
pulse-q-contract_matches = क्या आपका काम, वेतन और काम के घंटे वैसे ही हैं जैसा काम शुरू करने से पहले वादा किया गया था?
pulse-a-yes = हाँ
pulse-a-no = नहीं
pulse-a-nothing = मैंने कुछ नहीं दिया
pulse-a-under_one_month = मेरे एक महीने के वेतन से कम
pulse-a-one_to_three_months = मेरे एक से तीन महीने के वेतन जितना
pulse-a-over_three_months = मेरे तीन महीने के वेतन से ज़्यादा
pulse-a-me = मेरे अपने पास
pulse-a-employer = मालिक के पास
pulse-a-agent = भर्ती एजेंट के पास
pulse-a-someone_else = किसी और के पास
pulse-a-no_passport = मेरे पास पासपोर्ट नहीं है
pulse-a-no_dormitory = मैं मालिक की दी हुई जगह में नहीं रहता/रहती
pulse-submit = मेरे जवाब भेजें
pulse-error-answer = हर सवाल का एक जवाब चुनें।
pulse-thanks = धन्यवाद। आपके जवाब मिल गए हैं।
pulse-link = अपने काम के बारे में पाँच सवालों के जवाब दें
