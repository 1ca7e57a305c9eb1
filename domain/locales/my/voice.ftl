# Worker voice in Burmese (my): the public reporting page, the poster and the referral list.
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English source;
# NOT reviewed by a native speaker. Review before printing posters.
# Written in Unicode Burmese (not Zawgyi), plain polite words as migrant-worker
# organisations use them; placeholders such as { $site } are kept exactly as in English.
language-name = မြန်မာ
language-direction = ltr
translation-method = machine
translation-reviewed = no
voice-title = အလုပ်ခွင်ရှိ ပြဿနာကို တိုင်ကြားပါ
voice-intro = ဤအလုပ်ခွင်တွင် တစ်ခုခု မှားယွင်းနေပါက ကျွန်ုပ်တို့ကို ပြောပြပါ။ အခမဲ့ဖြစ်ပြီး သင့်အမည်ကို ပေးရန် မလိုပါ။
voice-site = အလုပ်ခွင်: { $site }
voice-privacy = သင့်အမည်၊ ဖုန်း၊ အင်တာနက်လိပ်စာ သို့မဟုတ် မည်သည့် cookie ကိုမျှ ကျွန်ုပ်တို့ မှတ်တမ်းမတင်ပါ။ ဝယ်ယူသည့်ကုမ္ပဏီတွင် ဤကိစ္စကို ကိုင်တွယ်သူများသာ သင်ရေးသည်ကို ဖတ်နိုင်ပါသည်။
voice-category = ပြဿနာက ဘာလဲ။
cat-recruitment_fees = အလုပ်ခေါ်ခ ပေးခဲ့ရသည် သို့မဟုတ် အေးဂျင့် သို့မဟုတ် အလုပ်ရှင်ထံ အကြွေးရှိသည်
cat-documents_held = ကျွန်ုပ်၏ ပတ်စ်ပို့ သို့မဟုတ် စာရွက်စာတမ်းများကို သိမ်းထားပြီး မပေးပါ
cat-wages_withheld = လုပ်ခကို ဖိထားသည်၊ နောက်ကျပေးသည် သို့မဟုတ် မတရား ဖြတ်တောက်သည်
cat-threats_violence = ခြိမ်းခြောက်ခြင်း၊ အကြမ်းဖက်ခြင်း သို့မဟုတ် နှောင့်ယှက်ခြင်း
cat-restricted_movement = အလုပ်ခွင် သို့မဟုတ် နေထိုင်ရာမှ လွတ်လပ်စွာ ထွက်ခွင့်မရှိပါ
cat-excessive_hours = အလုပ်ချိန် အလွန်များခြင်း သို့မဟုတ် အတင်းအဓမ္မ အချိန်ပို
cat-housing = ဆိုးရွားသော သို့မဟုတ် မလုံခြုံသော နေထိုင်ရာ
cat-under_age = ကလေးများ သို့မဟုတ် အသက်မပြည့်သေးသော အလုပ်သမားများ
cat-other = အခြားကိစ္စ
voice-what-happened = ဘာဖြစ်ခဲ့သလဲ။
voice-what-hint = ဘာဖြစ်ခဲ့သည်၊ ဘယ်အချိန်၊ ဘယ်နေရာတွင် ဖြစ်ခဲ့သည်ကို ပြောပြပါ။ သင့်အမည် ရေးရန် မလိုပါ။
voice-contact = သင့်ကို မည်သို့ ဆက်သွယ်နိုင်မလဲ။ (မဖြစ်မနေ မဟုတ်ပါ)
voice-contact-hint = ဖုန်းနံပါတ်၊ မက်ဆေ့ချ်အက်ပ် သို့မဟုတ် အီးမေးလ်၊ သင့်ကိုယ်တိုင် အဖြေလိုချင်မှသာ ရေးပါ။ အမည်မဖော်လိုပါက ဗလာထားပါ။
voice-submit = တိုင်ကြားချက် ပို့ပါ
voice-error-category = ပြဿနာကို ရွေးပါ။
voice-error-text = ဘာဖြစ်ခဲ့သည်ကို ပြောပြပါ (အများဆုံး စာလုံး 5000)။
voice-error-contact = ဆက်သွယ်ရန် အချက်အလက် ရှည်လွန်းသည် (အများဆုံး စာလုံး 300)။
voice-thanks = ကျေးဇူးတင်ပါသည်။ သင့်တိုင်ကြားချက်ကို လက်ခံရရှိပါပြီ။
voice-code = သင့်အမှုကုဒ်
voice-secret = သင့်လျှို့ဝှက်ကုဒ်
voice-keep = နှစ်ခုလုံးကို ချရေးထားပါ သို့မဟုတ် ဤစခရင်ကို ဓာတ်ပုံရိုက်ထားပါ။ ကျွန်ုပ်တို့၏ အဖြေကို ဖတ်ရန် လိုအပ်ပါသည်။ ပျောက်သွားပါက မည်သူမျှ ပြန်ရှာပေးနိုင်မည် မဟုတ်ပါ။
voice-danger = ယခု အန္တရာယ်ရှိနေပါက ဒေသခံ အရေးပေါ်ဝန်ဆောင်မှု သို့မဟုတ် အောက်ပါ ဝန်ဆောင်မှုတစ်ခုခုကို ဖုန်းဆက်ပါ။
voice-referrals = ဆက်သွယ်နိုင်သော အကူအညီများ
voice-referrals-none = ဤနိုင်ငံအတွက် ဝန်ဆောင်မှု စာရင်း မရှိသေးပါ။
voice-referral-example = ဥပမာသာ ဖြစ်သည်: တကယ့် ဆက်သွယ်ရန် မဟုတ်ပါ။
voice-referral-listed = ဝယ်ယူသည့်ကုမ္ပဏီက စာရင်းသွင်းထားသည်။ Fairhire က ဤဝန်ဆောင်မှုများကို မစစ်ဆေးရသေးပါ။
voice-languages-spoken = ဘာသာစကားများ: { $languages }
kind-hotline = အရေးပေါ်ဖုန်းလိုင်း
kind-ngo = အကူအညီပေးအဖွဲ့
kind-iom = IOM (အပြည်ပြည်ဆိုင်ရာ ရွှေ့ပြောင်းသွားလာမှုအဖွဲ့)
kind-labour_inspection = အလုပ်သမား စစ်ဆေးရေး
kind-legal_aid = ဥပဒေအကူအညီ
kind-other = အခြားအကူအညီ
voice-check-title = သင့်အမှုကို စစ်ကြည့်ပါ
voice-check-intro = တိုင်ကြားစဉ်က ရရှိခဲ့သော အမှုကုဒ်နှင့် လျှို့ဝှက်ကုဒ်ကို ထည့်ပါ။
voice-check-button = ကျွန်ုပ်၏အမှုကို စစ်ကြည့်ရန်
voice-check-not-found = ဤကုဒ်နှင့် လျှို့ဝှက်ကုဒ်နှင့် ကိုက်ညီသော အမှု မရှိပါ။ နှစ်ခုလုံးကို စစ်ပြီး ထပ်ကြိုးစားပါ။
voice-have-code = တိုင်ကြားပြီးပြီလား။ သင့်အမှုကို စစ်ပြီး အဖြေများကို ဖတ်ပါ
voice-status = အခြေအနေ
voice-status-new = လက်ခံရရှိပြီ၊ အဖြေ မပေးရသေးပါ
voice-status-acknowledged = ကုမ္ပဏီက ကြည့်ပြီးပါပြီ
voice-status-investigating = စုံစမ်းစစ်ဆေးနေသည်
voice-status-confirmed = အတည်ပြုပြီး၊ အရေးယူဆောင်ရွက်နေသည်
voice-status-not_confirmed = စစ်ဆေးခဲ့သော်လည်း အတည်မပြုနိုင်ပါ
voice-status-closed = ပိတ်ပြီး
voice-reported-on = တိုင်ကြားသည့်နေ့: { $date }
voice-replies = အဖြေများ
voice-no-replies = အဖြေ မရှိသေးပါ။ ရက်အနည်းငယ်အကြာတွင် ပြန်စစ်ကြည့်ပါ။
voice-too-many = ဤကွန်ရက်မှ ကြိုးစားမှု များလွန်းနေပါသည်။ မိနစ်အနည်းငယ် စောင့်ပြီး ထပ်ကြိုးစားပါ။
voice-not-found = ဤတိုင်ကြားရန်လင့်ခ် အလုပ်မလုပ်ပါ။ ပိုစတာအသစ် သို့မဟုတ် လင့်ခ်အသစ် တောင်းပါ။
voice-language = ဘာသာစကား
poster-title = အလုပ်မှာ ပြဿနာ ရှိနေသလား။
poster-step1 = ဖုန်းကင်မရာဖြင့် ကုဒ်ကို စကင်ဖတ်ပါ သို့မဟုတ် လင့်ခ်ကို ရိုက်ထည့်ပါ။
poster-step2 = ပြဿနာကို ရွေးပြီး ဘာဖြစ်ခဲ့သည်ကို သင့်ဘာသာစကားဖြင့် ပြောပြပါ။
poster-step3 = အမှုကုဒ်နှင့် လျှို့ဝှက်ကုဒ် ရရှိပါမည်: နောက်ပိုင်း ကျွန်ုပ်တို့၏ အဖြေကို ဖတ်ရန် ၎င်းတို့ကို သုံးပါ။
poster-anonymous = သင့်အမည်ကို ပေးရန် မလိုပါ။ အကောင့် မလိုပါ။ သင့်ဖုန်း သို့မဟုတ် အင်တာနက်လိပ်စာကို မှတ်တမ်းမတင်ပါ။
voice-unavailable = ကျွန်ုပ်တို့ဘက်တွင် အမှားတစ်ခု ဖြစ်သွားပါသည်။ နောက်မှ ထပ်ကြိုးစားပါ။

# Messages added with the SMS/WhatsApp conversation and with cases, referrals and the
# worker pulse (2026-12-05), translated from the English source:
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = အလုပ်ခွင်ရှိ ပြဿနာကို တိုင်ကြားပါ: အခမဲ့ဖြစ်ပြီး သင့်အမည်ကို ပေးရန် မလိုပါ။
conversation-choose-language = သင့်ဘာသာစကား၏ နံပါတ်ဖြင့် ပြန်ဖြေပါ:
conversation-choose-category = ပြဿနာက ဘာလဲ။ ၎င်း၏ နံပါတ်ဖြင့် ပြန်ဖြေပါ:
conversation-not-a-choice = ကျေးဇူးပြု၍ နံပါတ်တစ်ခုခုဖြင့် ပြန်ဖြေပါ။
conversation-tell = ဘာဖြစ်ခဲ့သည်၊ ဘယ်အချိန်၊ ဘယ်နေရာတွင်ကို မက်ဆေ့ချ်တစ်ခုတည်းဖြင့် ပြောပြပါ။ သင့်အမည် ရေးရန် မလိုပါ။
conversation-too-long = သင့်မက်ဆေ့ချ် ရှည်လွန်းသည်။ အများဆုံး စာလုံး { $max } သာ ပို့ပါ။
conversation-empty = ဘာဖြစ်ခဲ့သည်ကို စကားလုံးဖြင့် ရေးပါ။
conversation-received = ကျေးဇူးတင်ပါသည်။ သင့်တိုင်ကြားချက်ကို လက်ခံရရှိပါပြီ။
conversation-code = အမှုကုဒ်: { $code }
conversation-secret = လျှို့ဝှက်ကုဒ်: { $secret }
conversation-keep = နှစ်ခုလုံးကို သိမ်းထားပါ: ကျွန်ုပ်တို့၏ အဖြေကို ဖတ်ရန် လိုအပ်ပါသည်။ ပျောက်သွားပါက မည်သူမျှ ပြန်ရှာပေးနိုင်မည် မဟုတ်ပါ။
conversation-how-to-read = ကျွန်ုပ်တို့၏ အဖြေကို ဖတ်ရန် ဤနေရာတွင် { $word } ဟု ပြန်ပို့ပါ၊ သို့မဟုတ် { $link } ကို ဖွင့်ပြီး ကုဒ်နှင့် လျှို့ဝှက်ကုဒ်ကို ထည့်ပါ။
conversation-privacy = သင့်ထံ အဖြေပို့ရန်အတွက်သာ သင့်ဖုန်းနံပါတ်ကို တံဆိပ်ခတ်ထားသည့်ပုံစံဖြင့် သိမ်းထားပြီး အမှုပိတ်သည့်အခါ ဖျက်ပစ်ပါသည်။ ဝယ်ယူသည့်ကုမ္ပဏီတွင် အမှုကို ကိုင်တွယ်သူများသာ သင့်စကားကို ဖတ်ပါသည်။
conversation-status-word = အခြေအနေ
conversation-new-word = အသစ်
conversation-status = အမှု { $code }: { $status }
conversation-new-report = အခြားပြဿနာကို တိုင်ကြားရန် { $word } ဟု ပြန်ပို့ပါ။
conversation-reply = အမှု { $code } နှင့်ပတ်သက်သော အဖြေ: { $text }
conversation-pulse-word = စစ်တမ်း
conversation-pulse-intro = သင့်အလုပ်အကြောင်း မေးခွန်း ငါးခု။ သင့်အဖြေများကို အခြားသူများ၏ အဖြေများနှင့် အတူသာ ရေတွက်ပြီး သင့်ဖုန်းနံပါတ်နှင့် ဘယ်တော့မှ မတွဲပါ။ သင့်အဖြေ၏ နံပါတ်ဖြင့် ပြန်ပို့ပါ။
conversation-pulse-already = သင်သည် ဤလအတွင်း ဤမေးခွန်းများကို ဖြေပြီးပါပြီ။ ကျေးဇူးတင်ပါသည်။

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = အလုပ်အကြောင်း လိမ်ညာခံရသည် သို့မဟုတ် ကျွန်ုပ်၏ စာချုပ်ကို ပိုဆိုးသော စည်းကမ်းများဖြင့် ပြောင်းလဲခဲ့သည်
cat-debt = အလုပ်လုပ်၍ ဆပ်ရမည့် အကြွေးရှိပြီး မဆပ်မချင်း ထွက်ခွင့်မရှိပါ
voice-nationality = သင့်နိုင်ငံသား (မဖြစ်မနေ မဟုတ်ပါ)
voice-nationality-hint = သံရုံးကဲ့သို့ သင့်နိုင်ငံ၏ ဝန်ဆောင်မှုများကို ပြစေလိုမှသာ ရွေးပါ။ အမည်မဖော်လိုပါက ဗလာထားပါ။
voice-error-nationality = စာရင်းထဲမှ နိုင်ငံတစ်ခုကို ရွေးပါ သို့မဟုတ် ဗလာထားပါ။
voice-promise = ကုမ္ပဏီက ရက် { $days } အတွင်း ပထမအဖြေ ပေးမည်ဟု ကတိပြုထားပါသည်။
voice-referrals-origin = သင့်နိုင်ငံမှ အကူအညီ
pulse-title = သင့်အလုပ်အကြောင်း မေးခွန်းငါးခု
pulse-intro = မေးခွန်းတိုငါးခုကို ဖြေပါ။ အခမဲ့ဖြစ်ပြီး အမည်မဖော်ရပါ: သင့်အမည်၊ ဖုန်း၊ အင်တာနက်လိပ်စာ သို့မဟုတ် မည်သည့် cookie ကိုမျှ မှတ်တမ်းမတင်ပါ။ အဖြေများကို ပေါင်းပြီးမှသာ ပြပါသည်၊ တစ်ခုချင်း ဘယ်တော့မှ မပြပါ။
pulse-q-paid_fee = ဤအလုပ်ရရန် တစ်စုံတစ်ယောက်ကို ငွေပေးခဲ့ရပါသလား။
pulse-q-fee_amount = ပေးခဲ့ရပါက ခန့်မှန်းခြေ ဘယ်လောက်လဲ။
pulse-q-passport_holder = သင့်ပတ်စ်ပို့ကို ဘယ်သူ ကိုင်ထားသလဲ။
pulse-q-dormitory_free = အလုပ်ချိန်ပြင်ပတွင် နေထိုင်ရာမှ လွတ်လပ်စွာ ထွက်ခွင့်ရှိပါသလား။
pulse-q-contract_matches = သင့်အလုပ်၊ လုပ်ခနှင့် အလုပ်ချိန်သည် အလုပ်မစမီ ကတိပေးခဲ့သည့်အတိုင်း ဖြစ်ပါသလား။
pulse-a-yes = ဟုတ်ကဲ့
pulse-a-no = မဟုတ်ပါ
pulse-a-nothing = ဘာမှ မပေးခဲ့ရပါ
pulse-a-under_one_month = ကျွန်ုပ်၏ လစာ တစ်လထက် နည်းသည်
pulse-a-one_to_three_months = ကျွန်ုပ်၏ လစာ တစ်လမှ သုံးလအထိ
pulse-a-over_three_months = ကျွန်ုပ်၏ လစာ သုံးလထက် များသည်
pulse-a-me = ကိုယ်တိုင် ကိုင်ထားသည်
pulse-a-employer = အလုပ်ရှင်
pulse-a-agent = အလုပ်အကိုင်အေးဂျင့်
pulse-a-someone_else = အခြားတစ်ယောက်
pulse-a-no_passport = ပတ်စ်ပို့ မရှိပါ
pulse-a-no_dormitory = အလုပ်ရှင်ပေးသော နေရာတွင် မနေပါ
pulse-submit = ကျွန်ုပ်၏ အဖြေများကို ပို့ရန်
pulse-error-answer = မေးခွန်းတစ်ခုစီအတွက် အဖြေတစ်ခု ရွေးပါ။
pulse-thanks = ကျေးဇူးတင်ပါသည်။ သင့်အဖြေများကို လက်ခံရရှိပါပြီ။
pulse-link = သင့်အလုပ်အကြောင်း မေးခွန်းငါးခုကို ဖြေပါ
