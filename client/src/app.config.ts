export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/login/index',
    'pages/search/index',
    'pages/product/index',
    'pages/checkout/index',
    'pages/orders/index',
    'pages/chats/index',
    'pages/chat/index',
    'pages/gift-compose/index',
    'pages/gift/index',
    'pages/gifts/index',
    'pages/me/index',
    'pages/merchant/index',
    'pages/merchant-product/index',
    'pages/merchant-orders/index',
    'pages/merchant-gifts/index',
    'pages/merchant-ledger/index',
    'pages/merchant-analytics/index',
    'pages/merchant-search/index',
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#ededed',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTitleText: '礼物小店',
    navigationBarTextStyle: 'black',
    // Shows Taro's navigation bar (title, back) in H5 too, as WeChat does.
    navigationStyle: 'default',
  },
  // WeChat lets a mini program call wx.chooseAddress only when it declares it (the address pickers).
  requiredPrivateInfos: ['chooseAddress'],
});
