# Worker voice in Bengali (bn): the public reporting page, the poster and the referral list.
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English source;
# NOT reviewed by a native speaker. Review before printing posters.
# Aimed at plain words in the polite (আপনি) register that migrant-worker
# organisations use; placeholders such as { $site } are kept exactly as in English.
language-name = বাংলা
language-direction = ltr
translation-method = machine
translation-reviewed = no
voice-title = কাজের জায়গার সমস্যা জানান
voice-intro = এই কাজের জায়গায় কোনো কিছু ভুল হলে আমাদের জানান। এটি বিনামূল্যে এবং আপনার নাম দিতে হবে না।
voice-site = কাজের জায়গা: { $site }
voice-privacy = আমরা আপনার নাম, ফোন, ইন্টারনেট ঠিকানা বা কোনো কুকি রাখি না। আপনি যা লেখেন তা শুধু ক্রেতা কোম্পানিতে এই বিষয়টি যারা দেখেন তারাই পড়তে পারেন।
voice-category = সমস্যাটি কী?
cat-recruitment_fees = আমি নিয়োগের জন্য টাকা দিয়েছি অথবা দালাল বা মালিকের কাছে আমার ঋণ আছে
cat-documents_held = আমার পাসপোর্ট বা কাগজপত্র আমাকে দেওয়া হচ্ছে না
cat-wages_withheld = বেতন আটকে রাখা হয়, দেরিতে দেওয়া হয় বা অন্যায়ভাবে কেটে নেওয়া হয়
cat-threats_violence = হুমকি, মারধর বা হয়রানি
cat-restricted_movement = আমি কাজের জায়গা বা থাকার জায়গা থেকে স্বাধীনভাবে বের হতে পারি না
cat-excessive_hours = অনেক বেশি সময় কাজ বা জোর করে ওভারটাইম
cat-housing = খারাপ বা অনিরাপদ থাকার জায়গা
cat-under_age = শিশু বা কম বয়সী শ্রমিক
cat-other = অন্য কিছু
voice-what-happened = কী হয়েছে?
voice-what-hint = কী হয়েছে, কখন এবং কোথায় হয়েছে তা বলুন। আপনার নাম লিখতে হবে না।
voice-contact = আমরা কীভাবে আপনার সাথে যোগাযোগ করব? (ইচ্ছা হলে)
voice-contact-hint = ফোন নম্বর, মেসেজিং অ্যাপ বা ইমেল, শুধু যদি আপনি নিজে উত্তর পেতে চান। নাম গোপন রাখতে চাইলে খালি রাখুন।
voice-submit = অভিযোগ পাঠান
voice-error-category = সমস্যাটি কী তা বেছে নিন।
voice-error-text = কী হয়েছে আমাদের বলুন (সর্বোচ্চ 5000 অক্ষর)।
voice-error-contact = যোগাযোগের তথ্য অনেক লম্বা (সর্বোচ্চ 300 অক্ষর)।
voice-thanks = ধন্যবাদ। আপনার অভিযোগ পাওয়া গেছে।
voice-code = আপনার কেস কোড
voice-secret = আপনার গোপন কোড
voice-keep = দুটোই লিখে রাখুন বা এই স্ক্রিনের ছবি তুলে রাখুন। আমাদের উত্তর পড়তে এগুলো লাগবে। হারালে কেউ আবার খুঁজে দিতে পারবে না।
voice-danger = আপনি যদি এখন বিপদে থাকেন, স্থানীয় জরুরি সেবা বা নিচের কোনো সেবায় ফোন করুন।
voice-referrals = যেখানে সাহায্য চাইতে পারেন
voice-referrals-none = এই দেশের জন্য এখনো কোনো সেবা তালিকায় নেই।
voice-referral-example = শুধু উদাহরণ: এটি আসল যোগাযোগ নয়।
voice-referral-listed = ক্রেতা কোম্পানি এই তালিকা দিয়েছে; Fairhire এই সেবাগুলো যাচাই করেনি।
voice-languages-spoken = ভাষা: { $languages }
kind-hotline = হটলাইন
kind-ngo = সহায়তা সংস্থা
kind-iom = IOM (আন্তর্জাতিক অভিবাসন সংস্থা)
kind-labour_inspection = শ্রম পরিদর্শন
kind-legal_aid = আইনি সহায়তা
kind-other = অন্য সাহায্য
voice-check-title = আপনার কেস দেখুন
voice-check-intro = অভিযোগ করার সময় যে কেস কোড আর গোপন কোড পেয়েছিলেন তা লিখুন।
voice-check-button = আমার কেস দেখুন
voice-check-not-found = এই কোড আর গোপন কোডের সাথে কোনো কেস মেলেনি। দুটোই দেখে আবার চেষ্টা করুন।
voice-have-code = আগেই অভিযোগ করেছেন? আপনার কেস দেখুন এবং উত্তর পড়ুন
voice-status = অবস্থা
voice-status-new = পাওয়া গেছে, এখনো উত্তর দেওয়া হয়নি
voice-status-acknowledged = কোম্পানি দেখেছে
voice-status-investigating = তদন্ত চলছে
voice-status-confirmed = সত্য প্রমাণিত, ব্যবস্থা নেওয়া হচ্ছে
voice-status-not_confirmed = খতিয়ে দেখা হয়েছে, প্রমাণ করা যায়নি
voice-status-closed = বন্ধ
voice-reported-on = অভিযোগের তারিখ: { $date }
voice-replies = উত্তর
voice-no-replies = এখনো কোনো উত্তর নেই। কয়েক দিন পরে আবার দেখুন।
voice-too-many = এই নেটওয়ার্ক থেকে অনেকবার চেষ্টা করা হয়েছে। কয়েক মিনিট অপেক্ষা করে আবার চেষ্টা করুন।
voice-not-found = এই অভিযোগের লিংক কাজ করছে না। নতুন পোস্টার বা লিংক চান।
voice-language = ভাষা
poster-title = কাজে কোনো সমস্যা?
poster-step1 = ফোনের ক্যামেরা দিয়ে কোডটি স্ক্যান করুন, অথবা লিংকটি টাইপ করুন।
poster-step2 = সমস্যাটি বেছে নিন এবং কী হয়েছে আপনার ভাষায় বলুন।
poster-step3 = আপনি একটি কেস কোড আর একটি গোপন কোড পাবেন: পরে আমাদের উত্তর পড়তে এগুলো ব্যবহার করুন।
poster-anonymous = আপনার নাম দিতে হবে না। কোনো অ্যাকাউন্ট লাগবে না। আমরা আপনার ফোন বা ইন্টারনেট ঠিকানা রাখি না।
voice-unavailable = আমাদের দিকে একটি সমস্যা হয়েছে। পরে আবার চেষ্টা করুন।

# Messages added with the SMS/WhatsApp conversation and with cases, referrals and the
# worker pulse (2026-12-05), translated from the English source:
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = কাজের জায়গার সমস্যা জানান: এটি বিনামূল্যে এবং আপনার নাম দিতে হবে না।
conversation-choose-language = আপনার ভাষার নম্বর লিখে উত্তর দিন:
conversation-choose-category = সমস্যাটি কী? তার নম্বর লিখে উত্তর দিন:
conversation-not-a-choice = অনুগ্রহ করে উপরের একটি নম্বর লিখে উত্তর দিন।
conversation-tell = কী হয়েছে, কখন এবং কোথায়, একটি বার্তায় বলুন। আপনার নাম লিখতে হবে না।
conversation-too-long = আপনার বার্তা অনেক লম্বা। সর্বোচ্চ { $max } অক্ষর পাঠান।
conversation-empty = কী হয়েছে তা কথায় লিখুন।
conversation-received = ধন্যবাদ। আপনার অভিযোগ পাওয়া গেছে।
conversation-code = কেস কোড: { $code }
conversation-secret = গোপন কোড: { $secret }
conversation-keep = দুটোই রেখে দিন: আমাদের উত্তর পড়তে এগুলো লাগবে। হারালে কেউ আবার খুঁজে দিতে পারবে না।
conversation-how-to-read = আমাদের উত্তর পড়তে এখানে { $word } লিখে পাঠান, অথবা { $link } খুলে কোড আর গোপন কোড লিখুন।
conversation-privacy = আপনাকে উত্তর পাঠানোর জন্য আমরা আপনার ফোন নম্বর শুধু সিল করা অবস্থায় রাখি, আর কেস বন্ধ হলে মুছে ফেলি। আপনার কথা শুধু ক্রেতা কোম্পানিতে কেসটি যারা দেখেন তারাই পড়েন।
conversation-status-word = অবস্থা
conversation-new-word = নতুন
conversation-status = কেস { $code }: { $status }
conversation-new-report = আরেকটি সমস্যা জানাতে { $word } লিখে উত্তর দিন।
conversation-reply = কেস { $code } নিয়ে উত্তর: { $text }
conversation-pulse-word = জরিপ
conversation-pulse-intro = আপনার কাজ নিয়ে পাঁচটি প্রশ্ন। আপনার উত্তর শুধু অন্যদের উত্তরের সাথে একসাথে গোনা হয়, কখনো আপনার ফোন নম্বরের সাথে নয়। আপনার উত্তরের নম্বর লিখে পাঠান।
conversation-pulse-already = আপনি এই মাসে এই প্রশ্নগুলোর উত্তর দিয়েছেন। ধন্যবাদ।

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = কাজ নিয়ে আমাকে ঠকানো হয়েছে, অথবা আমার চুক্তি আরও খারাপ শর্তে বদলানো হয়েছে
cat-debt = আমার এমন ঋণ আছে যা কাজ করে শোধ করতে হবে, আর শোধ না হওয়া পর্যন্ত ছাড়তে পারি না
voice-nationality = আপনার জাতীয়তা (ইচ্ছা হলে)
voice-nationality-hint = শুধু যদি আপনি চান আমরা আপনার নিজের দেশের সেবা দেখাই, যেমন আপনার দূতাবাস। নাম গোপন রাখতে চাইলে খালি রাখুন।
voice-error-nationality = তালিকা থেকে একটি দেশ বেছে নিন অথবা খালি রাখুন।
voice-promise = কোম্পানি { $days } দিনের মধ্যে প্রথম উত্তর দেওয়ার প্রতিশ্রুতি দিয়েছে।
voice-referrals-origin = আপনার নিজের দেশ থেকে সাহায্য
pulse-title = আপনার কাজ নিয়ে পাঁচটি প্রশ্ন
pulse-intro = পাঁচটি ছোট প্রশ্নের উত্তর দিন। এটি বিনামূল্যে এবং নাম গোপন থাকে: আমরা আপনার নাম, ফোন, ইন্টারনেট ঠিকানা বা কোনো কুকি রাখি না। উত্তরগুলো শুধু সব মিলিয়ে দেখানো হয়, কখনো একটি একটি করে নয়।
pulse-q-paid_fee = এই কাজ পেতে আপনি কি কাউকে টাকা দিয়েছেন?
pulse-q-fee_amount = যদি দিয়ে থাকেন, প্রায় কত টাকা?
pulse-q-passport_holder = আপনার পাসপোর্ট কার কাছে আছে?
pulse-q-dormitory_free = কাজের সময়ের বাইরে আপনি কি থাকার জায়গা থেকে স্বাধীনভাবে বের হতে পারেন?
pulse-q-contract_matches = আপনার কাজ, বেতন আর কাজের সময় কি কাজ শুরুর আগে যা বলা হয়েছিল তার সাথে মেলে?
pulse-a-yes = হ্যাঁ
pulse-a-no = না
pulse-a-nothing = আমি কিছুই দিইনি
pulse-a-under_one_month = আমার এক মাসের বেতনের কম
pulse-a-one_to_three_months = আমার এক থেকে তিন মাসের বেতন
pulse-a-over_three_months = আমার তিন মাসের বেতনের বেশি
pulse-a-me = আমার নিজের কাছে
pulse-a-employer = মালিকের কাছে
pulse-a-agent = নিয়োগ দালালের কাছে
pulse-a-someone_else = অন্য কারো কাছে
pulse-a-no_passport = আমার পাসপোর্ট নেই
pulse-a-no_dormitory = আমি মালিকের দেওয়া থাকার জায়গায় থাকি না
pulse-submit = আমার উত্তর পাঠান
pulse-error-answer = প্রতিটি প্রশ্নের একটি উত্তর বেছে নিন।
pulse-thanks = ধন্যবাদ। আপনার উত্তর পাওয়া গেছে।
pulse-link = আপনার কাজ নিয়ে পাঁচটি প্রশ্নের উত্তর দিন
