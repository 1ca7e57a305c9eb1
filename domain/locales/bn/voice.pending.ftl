# Worker voice in this language: messages that other branches add to the English
# file, translated ahead of the merge. NOT compiled in (domain/build.rs reads only
# voice.ftl): append this file to voice.ftl once those branches are merged, then
# delete it (README, "Worker voice", and the wt-voice-lang report).
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
