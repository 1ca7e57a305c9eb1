# Worker voice in this language: messages that other branches add to the English
# file, translated ahead of the merge. NOT compiled in (domain/build.rs reads only
# voice.ftl): append this file to voice.ftl once those branches are merged, then
# delete it (README, "Worker voice", and the wt-voice-lang report).
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
