# Worker voice in Nepali (ne): the public reporting page, the poster and the referral list.
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English source;
# NOT reviewed by a native speaker. Review before printing posters.
# Aimed at plain words in the polite (तपाईं) register that migrant-worker
# organisations use; placeholders such as { $site } are kept exactly as in English.
language-name = नेपाली
language-direction = ltr
translation-method = machine
translation-reviewed = no
voice-title = कामको ठाउँमा भएको समस्या बताउनुहोस्
voice-intro = यो कामको ठाउँमा केही गलत भइरहेको छ भने हामीलाई भन्नुहोस्। यो निःशुल्क हो र तपाईंले आफ्नो नाम दिनु पर्दैन।
voice-site = कामको ठाउँ: { $site }
voice-privacy = हामी तपाईंको नाम, फोन, इन्टरनेट ठेगाना वा कुनै कुकी राख्दैनौं। तपाईंले लेखेको कुरा सामान किन्ने कम्पनीमा यो मुद्दा हेर्ने मानिसहरूले मात्र पढ्न सक्छन्।
voice-category = समस्या के हो?
cat-recruitment_fees = मैले भर्ना शुल्क तिरें वा मेरो एजेन्ट वा रोजगारदातासँग ऋण छ
cat-documents_held = मेरो राहदानी वा कागजातहरू मलाई दिइँदैन
cat-wages_withheld = तलब रोकिएको छ, ढिलो आउँछ वा अन्यायपूर्ण रूपमा काटिन्छ
cat-threats_violence = धम्की, हिंसा वा दुर्व्यवहार
cat-restricted_movement = म कामको ठाउँ वा बस्ने ठाउँबाट स्वतन्त्र रूपमा बाहिर जान पाउँदिनँ
cat-excessive_hours = धेरै लामो काम गर्ने समय वा जबरजस्ती ओभरटाइम
cat-housing = खराब वा असुरक्षित बस्ने ठाउँ
cat-under_age = बालबालिका वा कम उमेरका कामदार
cat-other = अरू केही
voice-what-happened = के भयो?
voice-what-hint = के भयो, कहिले र कहाँ भयो भन्नुहोस्। तपाईंले आफ्नो नाम लेख्नु पर्दैन।
voice-contact = हामी तपाईंलाई कसरी सम्पर्क गर्न सक्छौं? (चाहेमा मात्र)
voice-contact-hint = फोन नम्बर, म्यासेजिङ एप वा इमेल, तपाईंलाई व्यक्तिगत जवाफ चाहिएमा मात्र। नाम नखुलाई रहन चाहनुहुन्छ भने खाली छोड्नुहोस्।
voice-submit = उजुरी पठाउनुहोस्
voice-error-category = समस्या के हो, छान्नुहोस्।
voice-error-text = के भयो हामीलाई भन्नुहोस् (बढीमा 5000 अक्षर)।
voice-error-contact = सम्पर्क धेरै लामो भयो (बढीमा 300 अक्षर)।
voice-thanks = धन्यवाद। तपाईंको उजुरी प्राप्त भयो।
voice-code = तपाईंको मुद्दा कोड
voice-secret = तपाईंको गोप्य कोड
voice-keep = दुवै लेखेर राख्नुहोस् वा यो स्क्रिनको फोटो खिच्नुहोस्। हाम्रो जवाफ पढ्न यी चाहिन्छ। यी हराए कसैले पनि फेरि खोजेर दिन सक्दैन।
voice-danger = तपाईं अहिले खतरामा हुनुहुन्छ भने स्थानीय आपतकालीन सेवा वा तलका मध्ये कुनै सेवामा फोन गर्नुहोस्।
voice-referrals = तपाईंले सम्पर्क गर्न सक्ने सहयोग
voice-referrals-none = यो देशका लागि अहिलेसम्म कुनै सेवा राखिएको छैन।
voice-referral-example = उदाहरण मात्र: यो साँचो सम्पर्क होइन।
voice-referral-listed = सामान किन्ने कम्पनीले राखेको सूची; Fairhire ले यी सेवाहरू जाँच गरेको छैन।
voice-languages-spoken = भाषाहरू: { $languages }
kind-hotline = हटलाइन
kind-ngo = सहयोग गर्ने संस्था
kind-iom = IOM (अन्तर्राष्ट्रिय आप्रवासन संगठन)
kind-labour_inspection = श्रम निरीक्षण
kind-legal_aid = कानुनी सहायता
kind-other = अरू सहयोग
voice-check-title = आफ्नो मुद्दा हेर्नुहोस्
voice-check-intro = उजुरी गर्दा पाएको मुद्दा कोड र गोप्य कोड लेख्नुहोस्।
voice-check-button = मेरो मुद्दा हेर्नुहोस्
voice-check-not-found = यो कोड र गोप्य कोडसँग मिल्ने कुनै मुद्दा छैन। दुवै जाँचेर फेरि प्रयास गर्नुहोस्।
voice-have-code = पहिले नै उजुरी गर्नुभएको छ? आफ्नो मुद्दा हेर्नुहोस् र जवाफ पढ्नुहोस्
voice-status = अवस्था
voice-status-new = प्राप्त भयो, अहिलेसम्म जवाफ आएको छैन
voice-status-acknowledged = कम्पनीले हेर्‍यो
voice-status-investigating = छानबिन हुँदैछ
voice-status-confirmed = पुष्टि भयो, कारबाही हुँदैछ
voice-status-not_confirmed = छानबिन गरियो, पुष्टि हुन सकेन
voice-status-closed = बन्द गरियो
voice-reported-on = उजुरी गरेको मिति: { $date }
voice-replies = जवाफहरू
voice-no-replies = अहिलेसम्म जवाफ आएको छैन। केही दिनपछि फेरि हेर्नुहोस्।
voice-too-many = यो नेटवर्कबाट धेरै पटक प्रयास भयो। केही मिनेट पर्खेर फेरि प्रयास गर्नुहोस्।
voice-not-found = यो उजुरी लिङ्कले काम गर्दैन। नयाँ पोस्टर वा लिङ्क माग्नुहोस्।
voice-language = भाषा
poster-title = कामको ठाउँमा केही गलत भइरहेको छ?
poster-step1 = आफ्नो फोनको क्यामेराले कोड स्क्यान गर्नुहोस्, वा लिङ्क टाइप गर्नुहोस्।
poster-step2 = समस्या छान्नुहोस् र के भयो आफ्नै भाषामा भन्नुहोस्।
poster-step3 = तपाईंले मुद्दा कोड र गोप्य कोड पाउनुहुन्छ: पछि हाम्रो जवाफ पढ्न यी प्रयोग गर्नुहोस्।
poster-anonymous = तपाईंले आफ्नो नाम दिनु पर्दैन। खाता चाहिँदैन। हामी तपाईंको फोन वा इन्टरनेट ठेगाना राख्दैनौं।
voice-unavailable = हाम्रो तर्फबाट केही गडबड भयो। पछि फेरि प्रयास गर्नुहोस्।

# Messages added with the SMS/WhatsApp conversation and with cases, referrals and the
# worker pulse (2026-12-05), translated from the English source:
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = कामको ठाउँको समस्या बताउनुहोस्: यो निःशुल्क हो र तपाईंले आफ्नो नाम दिनु पर्दैन।
conversation-choose-language = आफ्नो भाषाको नम्बर लेखेर जवाफ दिनुहोस्:
conversation-choose-category = समस्या के हो? त्यसको नम्बर लेखेर जवाफ दिनुहोस्:
conversation-not-a-choice = कृपया माथिका नम्बरमध्ये एउटा लेखेर जवाफ दिनुहोस्।
conversation-tell = के भयो, कहिले र कहाँ भयो, एउटै सन्देशमा भन्नुहोस्। तपाईंले आफ्नो नाम लेख्नु पर्दैन।
conversation-too-long = तपाईंको सन्देश धेरै लामो भयो। बढीमा { $max } अक्षर पठाउनुहोस्।
conversation-empty = के भयो, शब्दमा लेख्नुहोस्।
conversation-received = धन्यवाद। तपाईंको उजुरी प्राप्त भयो।
conversation-code = मुद्दा कोड: { $code }
conversation-secret = गोप्य कोड: { $secret }
conversation-keep = दुवै राख्नुहोस्: हाम्रो जवाफ पढ्न यी चाहिन्छ। हराए कसैले पनि फेरि खोजेर दिन सक्दैन।
conversation-how-to-read = हाम्रो जवाफ पढ्न यहाँ { $word } लेखेर पठाउनुहोस्, वा { $link } खोलेर कोड र गोप्य कोड लेख्नुहोस्।
conversation-privacy = तपाईंलाई जवाफ पठाउन मात्र हामी तपाईंको फोन नम्बर बन्द (सिल) गरेर राख्छौं, र मुद्दा बन्द भएपछि मेटाउँछौं। तपाईंका शब्द सामान किन्ने कम्पनीमा मुद्दा हेर्ने मानिसहरूले मात्र पढ्छन्।
conversation-status-word = अवस्था
conversation-new-word = नयाँ
conversation-status = मुद्दा { $code }: { $status }
conversation-new-report = अर्को समस्या बताउन { $word } लेखेर जवाफ दिनुहोस्।
conversation-reply = मुद्दा { $code } बारे जवाफ: { $text }
conversation-pulse-word = सर्वेक्षण
conversation-pulse-intro = तपाईंको कामबारे पाँच प्रश्न। तपाईंका उत्तरहरू अरूका उत्तरसँग मात्र गनिन्छन्, तपाईंको फोन नम्बरसँग कहिल्यै होइन। आफ्नो उत्तरको नम्बर लेखेर जवाफ दिनुहोस्।
conversation-pulse-already = तपाईंले यो महिना यी प्रश्नहरूको उत्तर दिइसक्नुभएको छ। धन्यवाद।

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = मलाई कामबारे झुक्याइयो, वा मेरो सम्झौता झन् खराब सर्तमा बदलियो
cat-debt = मैले काम गरेर तिर्नुपर्ने ऋण छ र त्यो नतिरेसम्म छोड्न पाउँदिनँ
voice-nationality = तपाईंको राष्ट्रियता (चाहेमा मात्र)
voice-nationality-hint = तपाईंको आफ्नै देशका सेवा, जस्तै दूतावास, देखाउन चाहनुहुन्छ भने मात्र। नाम नखुलाई रहन चाहनुहुन्छ भने खाली छोड्नुहोस्।
voice-error-nationality = सूचीबाट देश छान्नुहोस् वा खाली छोड्नुहोस्।
voice-promise = कम्पनीले { $days } दिनभित्र पहिलो जवाफ दिने वाचा गरेको छ।
voice-referrals-origin = तपाईंको आफ्नै देशबाट सहयोग
pulse-title = तपाईंको कामबारे पाँच प्रश्न
pulse-intro = पाँच छोटा प्रश्नको जवाफ दिनुहोस्। यो निःशुल्क र नाम नखुल्ने हो: हामी तपाईंको नाम, फोन, इन्टरनेट ठेगाना वा कुनै कुकी राख्दैनौं। जवाफहरू सबै जोडेर मात्र देखाइन्छ, कहिल्यै एक-एक गरेर होइन।
pulse-q-paid_fee = यो काम पाउन तपाईंले कसैलाई पैसा तिर्नुभयो?
pulse-q-fee_amount = तिर्नुभएको भए, लगभग कति थियो?
pulse-q-passport_holder = तपाईंको राहदानी कोसँग छ?
pulse-q-dormitory_free = कामको समयबाहेक तपाईं बस्ने ठाउँबाट स्वतन्त्र रूपमा बाहिर जान पाउनुहुन्छ?
pulse-q-contract_matches = तपाईंको काम, तलब र समय काम सुरु गर्नुअघि वाचा गरिएजस्तै छ?
pulse-a-yes = हो
pulse-a-no = होइन
pulse-a-nothing = मैले केही तिरिनँ
pulse-a-under_one_month = मेरो एक महिनाको तलबभन्दा कम
pulse-a-one_to_three_months = मेरो एकदेखि तीन महिनाको तलब
pulse-a-over_three_months = मेरो तीन महिनाभन्दा बढीको तलब
pulse-a-me = म आफैंसँग छ
pulse-a-employer = रोजगारदातासँग
pulse-a-agent = भर्ना गर्ने एजेन्टसँग
pulse-a-someone_else = अरू कसैसँग
pulse-a-no_passport = मसँग राहदानी छैन
pulse-a-no_dormitory = म रोजगारदाताले दिएको ठाउँमा बस्दिनँ
pulse-submit = मेरा जवाफ पठाउनुहोस्
pulse-error-answer = हरेक प्रश्नको एउटा जवाफ छान्नुहोस्।
pulse-thanks = धन्यवाद। तपाईंका जवाफ प्राप्त भए।
pulse-link = तपाईंको कामबारे पाँच प्रश्नको जवाफ दिनुहोस्
