# Worker voice in Hindi (hi): the public reporting page, the poster and the referral list.
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English source;
# NOT reviewed by a native speaker. Review before printing posters.
# Aimed at plain everyday Hindi in the polite (आप) register that migrant-worker
# organisations use; placeholders such as { $site } are kept exactly as in English.
language-name = हिन्दी
language-direction = ltr
translation-method = machine
translation-reviewed = no
voice-title = काम की जगह की समस्या बताएँ
voice-intro = अगर इस काम की जगह पर कुछ गलत हो रहा है तो हमें बताएँ। यह मुफ़्त है और आपको अपना नाम बताने की ज़रूरत नहीं है।
voice-site = काम की जगह: { $site }
voice-privacy = हम आपका नाम, फ़ोन, इंटरनेट पता या कोई कुकी दर्ज नहीं करते। आप जो लिखते हैं उसे केवल ख़रीदार कंपनी में इस मामले को देखने वाले लोग ही पढ़ सकते हैं।
voice-category = समस्या क्या है?
cat-recruitment_fees = मैंने भर्ती की फ़ीस दी है या मुझ पर एजेंट या मालिक का कर्ज़ है
cat-documents_held = मेरा पासपोर्ट या कागज़ात मुझसे रख लिए गए हैं
cat-wages_withheld = वेतन रोका जाता है, देर से मिलता है या गलत तरीके से काटा जाता है
cat-threats_violence = धमकी, मारपीट या उत्पीड़न
cat-restricted_movement = मैं काम की जगह या रहने की जगह से अपनी मर्ज़ी से बाहर नहीं जा सकता/सकती
cat-excessive_hours = बहुत ज़्यादा घंटे काम या ज़बरदस्ती ओवरटाइम
cat-housing = ख़राब या असुरक्षित रहने की जगह
cat-under_age = बच्चे या कम उम्र के मज़दूर
cat-other = कुछ और
voice-what-happened = क्या हुआ?
voice-what-hint = बताएँ कि क्या हुआ, कब और कहाँ। आपको अपना नाम लिखने की ज़रूरत नहीं है।
voice-contact = हम आपसे कैसे संपर्क करें? (अगर आप चाहें)
voice-contact-hint = फ़ोन नंबर, मैसेजिंग ऐप या ईमेल, केवल अगर आप ख़ुद जवाब चाहते हैं। गुमनाम रहना हो तो इसे ख़ाली छोड़ दें।
voice-submit = शिकायत भेजें
voice-error-category = चुनें कि समस्या क्या है।
voice-error-text = हमें बताएँ कि क्या हुआ (ज़्यादा से ज़्यादा 5000 अक्षर)।
voice-error-contact = संपर्क बहुत लंबा है (ज़्यादा से ज़्यादा 300 अक्षर)।
voice-thanks = धन्यवाद। आपकी शिकायत मिल गई है।
voice-code = आपका केस कोड
voice-secret = आपका गुप्त कोड
voice-keep = दोनों लिख लें या इस स्क्रीन की फ़ोटो ले लें। हमारे जवाब पढ़ने के लिए इनकी ज़रूरत होगी। खो जाने पर कोई इन्हें दोबारा नहीं ढूँढ सकता।
voice-danger = अगर आप अभी ख़तरे में हैं, तो स्थानीय आपातकालीन सेवा या नीचे दी गई किसी सेवा को फ़ोन करें।
voice-referrals = मदद जिससे आप संपर्क कर सकते हैं
voice-referrals-none = इस देश के लिए अभी कोई सेवा सूची में नहीं है।
voice-referral-example = केवल उदाहरण: यह असली संपर्क नहीं है।
voice-referral-listed = ख़रीदार कंपनी ने यह सूची दी है; Fairhire ने इन सेवाओं की जाँच नहीं की है।
voice-languages-spoken = भाषाएँ: { $languages }
kind-hotline = हेल्पलाइन
kind-ngo = सहायता संस्था
kind-iom = IOM (अंतर्राष्ट्रीय प्रवासन संगठन)
kind-labour_inspection = श्रम निरीक्षण
kind-legal_aid = कानूनी सहायता
kind-other = अन्य मदद
voice-check-title = अपना केस देखें
voice-check-intro = शिकायत करते समय मिला केस कोड और गुप्त कोड डालें।
voice-check-button = मेरा केस देखें
voice-check-not-found = इस कोड और गुप्त कोड से कोई केस नहीं मिला। दोनों जाँचें और फिर से कोशिश करें।
voice-have-code = पहले ही शिकायत कर दी है? अपना केस देखें और जवाब पढ़ें
voice-status = स्थिति
voice-status-new = मिल गई, अभी जवाब नहीं दिया गया
voice-status-acknowledged = कंपनी ने देख लिया है
voice-status-investigating = जाँच चल रही है
voice-status-confirmed = सही पाया गया, कार्रवाई हो रही है
voice-status-not_confirmed = जाँच की गई, पुष्टि नहीं हो सकी
voice-status-closed = बंद
voice-reported-on = शिकायत की तारीख़: { $date }
voice-replies = जवाब
voice-no-replies = अभी कोई जवाब नहीं आया है। कुछ दिनों बाद फिर देखें।
voice-too-many = इस नेटवर्क से बहुत ज़्यादा कोशिशें हुई हैं। कुछ मिनट रुककर फिर से कोशिश करें।
voice-not-found = यह शिकायत लिंक काम नहीं कर रहा है। नया पोस्टर या लिंक माँगें।
voice-language = भाषा
poster-title = काम पर कुछ गलत हो रहा है?
poster-step1 = अपने फ़ोन के कैमरे से कोड स्कैन करें, या लिंक टाइप करें।
poster-step2 = समस्या चुनें और अपनी भाषा में बताएँ कि क्या हुआ।
poster-step3 = आपको एक केस कोड और एक गुप्त कोड मिलेगा: बाद में हमारा जवाब पढ़ने के लिए इनका इस्तेमाल करें।
poster-anonymous = आपको अपना नाम बताने की ज़रूरत नहीं है। कोई खाता नहीं। हम आपका फ़ोन या इंटरनेट पता दर्ज नहीं करते।
voice-unavailable = हमारी तरफ़ से कुछ गड़बड़ हो गई। कृपया बाद में फिर से कोशिश करें।

# Messages added with the SMS/WhatsApp conversation and with cases, referrals and the
# worker pulse (2026-12-05), translated from the English source:
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
conversation-pulse-word = सर्वे
conversation-pulse-intro = आपके काम के बारे में पाँच सवाल। आपके जवाब सिर्फ़ दूसरों के जवाबों के साथ गिने जाते हैं, आपके फ़ोन नंबर के साथ कभी नहीं। अपने जवाब का नंबर लिखकर भेजें।
conversation-pulse-already = आप इस महीने इन सवालों के जवाब दे चुके हैं। धन्यवाद।

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
