export default definePageConfig({
  navigationBarTitleText: '发起拼团',
});
