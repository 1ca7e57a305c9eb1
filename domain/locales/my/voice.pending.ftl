# Worker voice in this language: messages that other branches add to the English
# file, translated ahead of the merge. NOT compiled in (domain/build.rs reads only
# voice.ftl): append this file to voice.ftl once those branches are merged, then
# delete it (README, "Worker voice", and the wt-voice-lang report).
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
