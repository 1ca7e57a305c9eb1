# Worker voice in Vietnamese (vi): the public reporting page, the poster and the referral list.
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English source;
# NOT reviewed by a native speaker. Review before printing posters.
# Aimed at plain words in the polite (bạn) register that migrant-worker
# organisations use; placeholders such as { $site } are kept exactly as in English.
language-name = Tiếng Việt
language-direction = ltr
translation-method = machine
translation-reviewed = no
voice-title = Báo cáo vấn đề tại nơi làm việc
voice-intro = Hãy cho chúng tôi biết nếu có điều gì sai trái tại nơi làm việc này. Hoàn toàn miễn phí và bạn không cần cho biết tên.
voice-site = Nơi làm việc: { $site }
voice-privacy = Chúng tôi không lưu tên, số điện thoại, địa chỉ internet hay bất kỳ cookie nào của bạn. Chỉ những người xử lý vụ việc tại công ty mua hàng mới đọc được những gì bạn viết.
voice-category = Vấn đề là gì?
cat-recruitment_fees = Tôi đã trả phí tuyển dụng hoặc đang nợ tiền môi giới hoặc chủ sử dụng lao động
cat-documents_held = Hộ chiếu hoặc giấy tờ của tôi bị giữ lại
cat-wages_withheld = Tiền lương bị giữ lại, trả chậm hoặc bị trừ không công bằng
cat-threats_violence = Đe dọa, bạo lực hoặc quấy rối
cat-restricted_movement = Tôi không được tự do rời khỏi nơi làm việc hoặc chỗ ở
cat-excessive_hours = Làm việc quá nhiều giờ hoặc bị ép làm thêm giờ
cat-housing = Chỗ ở tồi tệ hoặc không an toàn
cat-under_age = Trẻ em hoặc lao động chưa đủ tuổi
cat-other = Vấn đề khác
voice-what-happened = Chuyện gì đã xảy ra?
voice-what-hint = Hãy kể chuyện gì đã xảy ra, khi nào và ở đâu. Bạn không cần viết tên.
voice-contact = Chúng tôi có thể liên lạc với bạn bằng cách nào? (không bắt buộc)
voice-contact-hint = Số điện thoại, ứng dụng nhắn tin hoặc email, chỉ khi bạn muốn được trả lời riêng. Để trống nếu muốn giấu tên.
voice-submit = Gửi báo cáo
voice-error-category = Hãy chọn vấn đề.
voice-error-text = Hãy kể cho chúng tôi chuyện gì đã xảy ra (tối đa 5000 ký tự).
voice-error-contact = Thông tin liên lạc quá dài (tối đa 300 ký tự).
voice-thanks = Cảm ơn bạn. Chúng tôi đã nhận được báo cáo của bạn.
voice-code = Mã vụ việc của bạn
voice-secret = Mã bí mật của bạn
voice-keep = Hãy ghi lại cả hai mã hoặc chụp ảnh màn hình này. Bạn cần chúng để đọc câu trả lời của chúng tôi. Không ai có thể tìm lại chúng cho bạn.
voice-danger = Nếu bạn đang gặp nguy hiểm, hãy gọi dịch vụ cấp cứu địa phương hoặc một trong các dịch vụ dưới đây.
voice-referrals = Nơi bạn có thể tìm giúp đỡ
voice-referrals-none = Chưa có dịch vụ nào được liệt kê cho quốc gia này.
voice-referral-example = Chỉ là ví dụ: đây không phải là liên lạc thật.
voice-referral-listed = Do công ty mua hàng liệt kê; Fairhire chưa kiểm tra các dịch vụ này.
voice-languages-spoken = Ngôn ngữ: { $languages }
kind-hotline = Đường dây nóng
kind-ngo = Tổ chức hỗ trợ
kind-iom = IOM (Tổ chức Di cư Quốc tế)
kind-labour_inspection = Thanh tra lao động
kind-legal_aid = Trợ giúp pháp lý
kind-other = Trợ giúp khác
voice-check-title = Xem vụ việc của bạn
voice-check-intro = Nhập mã vụ việc và mã bí mật bạn nhận được khi báo cáo.
voice-check-button = Xem vụ việc của tôi
voice-check-not-found = Không có vụ việc nào khớp với mã và mã bí mật này. Hãy kiểm tra cả hai và thử lại.
voice-have-code = Đã báo cáo rồi? Xem vụ việc và đọc câu trả lời
voice-status = Tình trạng
voice-status-new = Đã nhận, chưa trả lời
voice-status-acknowledged = Công ty đã xem
voice-status-investigating = Đang điều tra
voice-status-confirmed = Đã xác nhận, đang có biện pháp xử lý
voice-status-not_confirmed = Đã xem xét, không thể xác nhận
voice-status-closed = Đã đóng
voice-reported-on = Báo cáo ngày { $date }
voice-replies = Câu trả lời
voice-no-replies = Chưa có câu trả lời. Vui lòng xem lại sau vài ngày.
voice-too-many = Có quá nhiều lần thử từ mạng này. Vui lòng đợi vài phút rồi thử lại.
voice-not-found = Đường dẫn báo cáo này không hoạt động. Hãy xin áp phích hoặc đường dẫn mới.
voice-language = Ngôn ngữ
poster-title = Có điều gì sai trái ở nơi làm việc?
poster-step1 = Quét mã bằng máy ảnh điện thoại, hoặc gõ đường dẫn.
poster-step2 = Chọn vấn đề và kể chuyện gì đã xảy ra, bằng ngôn ngữ của bạn.
poster-step3 = Bạn sẽ nhận được mã vụ việc và mã bí mật: dùng chúng để đọc câu trả lời của chúng tôi sau này.
poster-anonymous = Bạn không cần cho biết tên. Không cần tài khoản. Chúng tôi không lưu số điện thoại hay địa chỉ internet của bạn.
voice-unavailable = Đã có lỗi từ phía chúng tôi. Vui lòng thử lại sau.

# Messages added with the SMS/WhatsApp conversation and with cases, referrals and the
# worker pulse (2026-12-05), translated from the English source:
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = Báo cáo vấn đề tại nơi làm việc: hoàn toàn miễn phí và bạn không cần cho biết tên.
conversation-choose-language = Trả lời bằng số của ngôn ngữ của bạn:
conversation-choose-category = Vấn đề là gì? Trả lời bằng số của vấn đề:
conversation-not-a-choice = Vui lòng trả lời bằng một trong các số.
conversation-tell = Hãy kể chuyện gì đã xảy ra, khi nào và ở đâu, trong một tin nhắn. Bạn không cần viết tên.
conversation-too-long = Tin nhắn của bạn quá dài. Vui lòng gửi tối đa { $max } ký tự.
conversation-empty = Vui lòng viết bằng lời chuyện gì đã xảy ra.
conversation-received = Cảm ơn bạn. Chúng tôi đã nhận được báo cáo của bạn.
conversation-code = Mã vụ việc: { $code }
conversation-secret = Mã bí mật: { $secret }
conversation-keep = Hãy giữ cả hai mã: bạn cần chúng để đọc câu trả lời của chúng tôi. Không ai có thể tìm lại chúng cho bạn.
conversation-how-to-read = Trả lời { $word } tại đây để đọc câu trả lời của chúng tôi, hoặc mở { $link } rồi nhập mã và mã bí mật.
conversation-privacy = Chúng tôi chỉ giữ số điện thoại của bạn ở dạng niêm phong để gửi câu trả lời, và xóa số đó khi vụ việc đóng lại. Chỉ những người xử lý vụ việc tại công ty mua hàng mới đọc lời của bạn.
conversation-status-word = XEM
conversation-new-word = MOI
conversation-status = Vụ việc { $code }: { $status }
conversation-new-report = Để báo cáo vấn đề khác, hãy trả lời { $word }.
conversation-reply = Trả lời về vụ việc { $code }: { $text }
conversation-pulse-word = KHAOSAT
conversation-pulse-intro = Năm câu hỏi về công việc của bạn. Câu trả lời của bạn chỉ được đếm chung với câu trả lời của người khác, không bao giờ kèm số điện thoại của bạn. Hãy trả lời bằng số của câu trả lời.
conversation-pulse-already = Bạn đã trả lời các câu hỏi này trong tháng này. Cảm ơn bạn.

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = Tôi bị lừa về công việc, hoặc hợp đồng của tôi bị đổi sang điều kiện tệ hơn
cat-debt = Tôi mắc một khoản nợ phải làm việc để trả và không được nghỉ cho đến khi trả hết
voice-nationality = Quốc tịch của bạn (không bắt buộc)
voice-nationality-hint = Chỉ khi bạn muốn chúng tôi hiển thị dịch vụ của chính nước bạn, ví dụ đại sứ quán. Để trống nếu muốn giấu tên.
voice-error-nationality = Hãy chọn một quốc gia trong danh sách hoặc để trống.
voice-promise = Công ty cam kết trả lời lần đầu trong vòng { $days } ngày.
voice-referrals-origin = Trợ giúp từ chính nước bạn
pulse-title = Năm câu hỏi về công việc của bạn
pulse-intro = Hãy trả lời năm câu hỏi ngắn. Miễn phí và giấu tên: chúng tôi không lưu tên, số điện thoại, địa chỉ internet hay bất kỳ cookie nào của bạn. Câu trả lời chỉ được hiển thị khi đã cộng gộp, không bao giờ hiển thị từng người một.
pulse-q-paid_fee = Bạn có phải trả tiền cho ai để có công việc này không?
pulse-q-fee_amount = Nếu có, khoảng bao nhiêu?
pulse-q-passport_holder = Ai đang giữ hộ chiếu của bạn?
pulse-q-dormitory_free = Ngoài giờ làm, bạn có được tự do rời khỏi ký túc xá hoặc chỗ ở không?
pulse-q-contract_matches = Công việc, tiền lương và giờ làm của bạn có đúng như đã hứa trước khi bạn bắt đầu không?
pulse-a-yes = Có
pulse-a-no = Không
pulse-a-nothing = Tôi không trả gì
pulse-a-under_one_month = Dưới một tháng lương của tôi
pulse-a-one_to_three_months = Từ một đến ba tháng lương của tôi
pulse-a-over_three_months = Hơn ba tháng lương của tôi
pulse-a-me = Tôi tự giữ
pulse-a-employer = Chủ sử dụng lao động
pulse-a-agent = Người môi giới tuyển dụng
pulse-a-someone_else = Người khác
pulse-a-no_passport = Tôi không có hộ chiếu
pulse-a-no_dormitory = Tôi không ở chỗ ở do chủ sử dụng lao động cấp
pulse-submit = Gửi câu trả lời của tôi
pulse-error-answer = Hãy chọn một câu trả lời cho mỗi câu hỏi.
pulse-thanks = Cảm ơn bạn. Chúng tôi đã nhận được câu trả lời của bạn.
pulse-link = Trả lời năm câu hỏi về công việc của bạn
