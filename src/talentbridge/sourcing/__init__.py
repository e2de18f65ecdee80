"""Where candidates come from: job boards, universities, referrals, programmes, agencies."""
