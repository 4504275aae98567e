export default definePageConfig({
  navigationBarTitleText: '礼物小店',
  enablePullDownRefresh: true,
});
